import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IndustrialChainEntity, OrganizationEntity, RegionEntity, requireReferenced } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { IndustrialChainResponse, toChainResponse } from './chain.response';

export interface CreateChainCommand {
  readonly name: string;
  readonly regionCode: string;
  readonly leadBankId: string;
  readonly deputyBankId: string;
  readonly memberOrgIds: readonly string[];
}

async function requireBank(manager: EntityManager, id: string, field: string): Promise<OrganizationEntity> {
  const organization = await requireReferenced(manager, OrganizationEntity, { id }, field, 'organization');
  if (organization.kind !== 'bank') throw DomainError.invalid(field, 'must be a bank');
  return organization;
}

@Injectable()
export class CreateChainUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: CreateChainCommand): Promise<IndustrialChainResponse> {
    if (command.leadBankId === command.deputyBankId) {
      throw DomainError.invalid('deputyBankId', 'must be another bank than the lead bank');
    }
    return this.dataSource.transaction(async (manager) => {
      await requireReferenced(manager, RegionEntity, { code: command.regionCode }, 'regionCode', 'region');
      await requireBank(manager, command.leadBankId, 'leadBankId');
      await requireBank(manager, command.deputyBankId, 'deputyBankId');
      const memberIds = [...new Set(command.memberOrgIds)];
      const members = memberIds.length > 0 ? await manager.findBy(OrganizationEntity, { id: In(memberIds) }) : [];
      const missing = memberIds.filter((id) => !members.some((m) => m.id === id));
      if (missing.length > 0)
        throw DomainError.invalid('memberOrgIds', `no organization has the id ${missing.join(', ')}`);
      if (await manager.existsBy(IndustrialChainEntity, { regionCode: command.regionCode, name: command.name })) {
        throw DomainError.conflict('a chain with this name exists in this region', 'name');
      }
      const chain = await manager.save(
        manager.create(IndustrialChainEntity, {
          name: command.name,
          regionCode: command.regionCode,
          leadBankId: command.leadBankId,
          deputyBankId: command.deputyBankId,
          members,
        }),
      );
      return toChainResponse(chain);
    });
  }
}
