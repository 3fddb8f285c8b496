import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IndustrialChainEntity, RegionEntity, requireReferenced } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { requireBank, requireMembers, requireTwoBanks } from './chain-rules';
import { IndustrialChainResponse, toChainResponse } from './chain.response';

export interface CreateChainCommand {
  readonly name: string;
  readonly regionCode: string;
  readonly leadBankId: string;
  readonly deputyBankId: string;
  readonly memberOrgIds: readonly string[];
}

@Injectable()
export class CreateChainUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: CreateChainCommand): Promise<IndustrialChainResponse> {
    requireTwoBanks(command.leadBankId, command.deputyBankId, 'deputyBankId');
    return this.dataSource.transaction(async (manager) => {
      await requireReferenced(manager, RegionEntity, { code: command.regionCode }, 'regionCode', 'region');
      await requireBank(manager, command.leadBankId, 'leadBankId');
      await requireBank(manager, command.deputyBankId, 'deputyBankId');
      const members = await requireMembers(manager, command.memberOrgIds);
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
