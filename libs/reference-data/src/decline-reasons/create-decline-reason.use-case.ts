import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeclineReasonEntity } from '@unblock/database';
import { DomainError, type RepairerKind } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { checkRepair } from './decline-reason-rules';
import { DeclineReasonResponse, toDeclineReasonResponse } from './decline-reason.response';

export interface CreateDeclineReasonCommand {
  readonly code: string;
  readonly name: string;
  readonly repairable?: boolean | undefined;
  readonly repairPath?: string | undefined;
  readonly repairerKind?: RepairerKind | undefined;
}

/** An admin adds a reason to the catalogue; its code is unique and stays. */
@Injectable()
export class CreateDeclineReasonUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute(command: CreateDeclineReasonCommand): Promise<DeclineReasonResponse> {
    const repair = checkRepair({
      repairable: command.repairable ?? false,
      repairPath: command.repairPath ?? null,
      repairerKind: command.repairerKind ?? null,
    });
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(DeclineReasonEntity, { code: command.code })) {
        throw DomainError.conflict('a decline reason with this code exists', 'code');
      }
      const reason = await manager.save(
        manager.create(DeclineReasonEntity, { code: command.code, name: command.name, ...repair }),
      );
      return toDeclineReasonResponse(reason);
    });
  }
}
