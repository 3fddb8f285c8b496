import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseEntity } from '@unblock/database';
import { DomainError, type ChainRole, type EnterpriseSize, type EnterpriseTag } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { checkEnterpriseReferences } from './enterprise-rules';
import { EnterpriseResponse, toEnterpriseResponse } from './enterprise.response';

export interface CreateEnterpriseCommand {
  /** Normalized and checked already. */
  readonly uscc: string;
  readonly name: string;
  readonly regionCode: string;
  readonly chainId?: string | undefined;
  readonly chainRole?: ChainRole | undefined;
  readonly size: EnterpriseSize;
  readonly tags?: readonly EnterpriseTag[] | undefined;
  readonly contactName?: string | undefined;
  /** Normalized and checked already. */
  readonly contactPhone?: string | undefined;
}

@Injectable()
export class CreateEnterpriseUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: CreateEnterpriseCommand): Promise<EnterpriseResponse> {
    return this.dataSource.transaction(async (manager) => {
      await checkEnterpriseReferences(manager, command);
      if (await manager.existsBy(EnterpriseEntity, { uscc: command.uscc })) {
        throw DomainError.conflict('an enterprise with this unified social credit code exists', 'uscc');
      }
      const enterprise = await manager.save(
        manager.create(EnterpriseEntity, {
          uscc: command.uscc,
          name: command.name,
          regionCode: command.regionCode,
          chainId: command.chainId ?? null,
          chainRole: command.chainRole ?? null,
          size: command.size,
          tags: [...new Set(command.tags ?? [])],
          contactName: command.contactName ?? null,
          contactPhone: command.contactPhone ?? null,
        }),
      );
      return toEnterpriseResponse(enterprise);
    });
  }
}
