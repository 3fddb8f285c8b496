import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseEntity } from '@unblock/database';
import { DomainError, type ChainRole, type EnterpriseSize, type EnterpriseTag } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { checkEnterpriseReferences } from './enterprise-rules';
import { EnterpriseResponse, toEnterpriseResponse } from './enterprise.response';

export interface UpdateEnterpriseCommand {
  readonly id: string;
  readonly name?: string | undefined;
  readonly regionCode?: string | undefined;
  /** null takes the enterprise out of its chain (and then chainRole must be null too). */
  readonly chainId?: string | null | undefined;
  readonly chainRole?: ChainRole | null | undefined;
  readonly size?: EnterpriseSize | undefined;
  readonly tags?: readonly EnterpriseTag[] | undefined;
  /** null removes the contact person or phone. */
  readonly contactName?: string | null | undefined;
  readonly contactPhone?: string | null | undefined;
}

@Injectable()
export class UpdateEnterpriseUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: UpdateEnterpriseCommand): Promise<EnterpriseResponse> {
    return this.dataSource.transaction(async (manager) => {
      const enterprise = await manager.findOne(EnterpriseEntity, {
        where: { id: command.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!enterprise) throw DomainError.notFound('enterprise');
      const chainId = command.chainId !== undefined ? command.chainId : enterprise.chainId;
      const chainRole = command.chainRole !== undefined ? command.chainRole : enterprise.chainRole;
      await checkEnterpriseReferences(manager, { regionCode: command.regionCode, chainId, chainRole });
      enterprise.name = command.name ?? enterprise.name;
      enterprise.regionCode = command.regionCode ?? enterprise.regionCode;
      enterprise.chainId = chainId;
      enterprise.chainRole = chainRole;
      enterprise.size = command.size ?? enterprise.size;
      enterprise.tags = command.tags !== undefined ? [...new Set(command.tags)] : enterprise.tags;
      if (command.contactName !== undefined) enterprise.contactName = command.contactName;
      if (command.contactPhone !== undefined) enterprise.contactPhone = command.contactPhone;
      return toEnterpriseResponse(await manager.save(enterprise));
    });
  }
}
