import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeclineReasonEntity } from '@unblock/database';
import { DomainError, type RepairerKind } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { checkRepair } from './decline-reason-rules';
import { DeclineReasonResponse, toDeclineReasonResponse } from './decline-reason.response';

export interface UpdateDeclineReasonCommand {
  readonly id: string;
  readonly name?: string | undefined;
  readonly repairable?: boolean | undefined;
  /** null: none (a reason no longer repairable). */
  readonly repairPath?: string | null | undefined;
  readonly repairerKind?: RepairerKind | null | undefined;
}

/** An admin renames a reason, or changes whether and how it is repaired; its code stays. */
@Injectable()
export class UpdateDeclineReasonUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute(command: UpdateDeclineReasonCommand): Promise<DeclineReasonResponse> {
    return this.dataSource.transaction(async (manager) => {
      const reason = await manager.findOne(DeclineReasonEntity, {
        where: { id: command.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reason) throw DomainError.notFound('decline reason');
      const repair = checkRepair({
        repairable: command.repairable ?? reason.repairable,
        repairPath: command.repairPath !== undefined ? command.repairPath : reason.repairPath,
        repairerKind: command.repairerKind !== undefined ? command.repairerKind : reason.repairerKind,
      });
      Object.assign(reason, repair, { name: command.name ?? reason.name });
      return toDeclineReasonResponse(await manager.save(reason));
    });
  }
}
