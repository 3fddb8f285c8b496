import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IndustrialChainEntity, RegionEntity, requireReferenced } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { requireBank, requireMembers, requireTwoBanks } from './chain-rules';
import { IndustrialChainResponse, toChainResponse } from './chain.response';

export interface UpdateChainCommand {
  readonly id: string;
  readonly name?: string | undefined;
  readonly regionCode?: string | undefined;
  readonly leadBankId?: string | undefined;
  readonly deputyBankId?: string | undefined;
  /** The whole new list of member institutions (the N). */
  readonly memberOrgIds?: readonly string[] | undefined;
}

/**
 * Changes a chain of the "1+2+N" model. Cases already routed stay where they are; the needs routed from
 * now on go to the new lead bank, deputy and pool.
 */
@Injectable()
export class UpdateChainUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: UpdateChainCommand): Promise<IndustrialChainResponse> {
    return this.dataSource.transaction(async (manager) => {
      const chain = await manager.findOne(IndustrialChainEntity, {
        where: { id: command.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!chain) throw DomainError.notFound('industrial chain');
      const leadBankId = command.leadBankId ?? chain.leadBankId;
      const deputyBankId = command.deputyBankId ?? chain.deputyBankId;
      requireTwoBanks(leadBankId, deputyBankId, command.deputyBankId !== undefined ? 'deputyBankId' : 'leadBankId');
      if (command.regionCode !== undefined) {
        await requireReferenced(manager, RegionEntity, { code: command.regionCode }, 'regionCode', 'region');
      }
      if (command.leadBankId !== undefined) await requireBank(manager, command.leadBankId, 'leadBankId');
      if (command.deputyBankId !== undefined) await requireBank(manager, command.deputyBankId, 'deputyBankId');
      const name = command.name ?? chain.name;
      const regionCode = command.regionCode ?? chain.regionCode;
      if (
        (name !== chain.name || regionCode !== chain.regionCode) &&
        (await manager.existsBy(IndustrialChainEntity, { regionCode, name }))
      ) {
        throw DomainError.conflict('a chain with this name exists in this region', 'name');
      }
      chain.name = name;
      chain.regionCode = regionCode;
      chain.leadBankId = leadBankId;
      chain.deputyBankId = deputyBankId;
      if (command.memberOrgIds !== undefined) chain.members = await requireMembers(manager, command.memberOrgIds);
      await manager.save(chain);
      const saved = await manager.findOneOrFail(IndustrialChainEntity, {
        where: { id: chain.id },
        relations: { members: true },
      });
      return toChainResponse(saved);
    });
  }
}
