import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RepairTaskEntity, inTransaction } from '@unblock/database';
import { Clock, DomainError, type Actor, type RepairOutcome } from '@unblock/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import type { CaseResponse } from '../cases/case.response';
import { RepairQueries } from './repair.queries';
import type { RepairTaskResponse } from './repair.response';

export interface CompleteRepairCommand extends Audited {
  readonly taskId: string;
  readonly actor: Actor;
  readonly outcome: RepairOutcome;
  readonly note?: string | undefined;
}

/**
 * A partner officer of the task's organization (or a supervisor for it) closes a repair task. `repaired`:
 * the case goes back to the bank that declined it, `assigned` with a fresh claim clock, and its other tasks
 * lapse. `not_repairable`: the task closes; when it was the last one open, the case waits for a supervisor to
 * route it on, reassign or close it.
 */
@Injectable()
export class CompleteRepairUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly repairs: RepairQueries,
    private readonly clock: Clock,
  ) {}

  async execute(command: CompleteRepairCommand): Promise<RepairTaskResponse> {
    if (command.outcome === 'not_repairable' && (command.note === undefined || command.note.trim() === '')) {
      throw DomainError.invalid('note', 'is required when the cause cannot be repaired: say why');
    }
    const task = await this.repairs.get(this.dataSource.manager, command.actor, command.taskId);
    return inTransaction(this.dataSource, async (manager) => {
      const [locked] = await manager.query<{ status: string; open: boolean }[]>(
        `SELECT rt.status, (o.met_at IS NULL AND o.cancelled_at IS NULL) AS open
           FROM repair_tasks rt JOIN case_obligations o ON o.id = rt.obligation_id
          WHERE rt.id = $1 FOR UPDATE OF rt`,
        [task.id],
      );
      if (locked?.status !== 'open' || !locked.open) {
        throw DomainError.conflict('this repair task is closed already, or its case left its second diagnosis');
      }
      await this.transition(manager, command, task);
      await manager.update(
        RepairTaskEntity,
        { id: task.id },
        {
          status: command.outcome,
          completedAt: this.clock.now(),
          completedByUserId: command.actor.userId,
          outcomeNote: command.note ?? null,
        },
      );
      const [answer] = await this.repairs.describe(manager, [
        await manager.findOneByOrFail(RepairTaskEntity, { id: task.id }),
      ]);
      if (answer === undefined) throw new Error('a described task');
      return answer;
    });
  }

  private async transition(
    manager: EntityManager,
    command: CompleteRepairCommand,
    task: RepairTaskEntity,
  ): Promise<CaseResponse> {
    const data = { taskId: task.id, organizationId: task.organizationId, note: command.note ?? null };
    const base = { caseId: task.caseId, actor: command.actor, audit: command.audit };
    if (command.outcome === 'repaired') {
      return this.transitions.applyIn(manager, { ...base, action: 'repaired' }, ({ case: c }) => ({
        set: {
          assignedBankId: task.declinedByOrganizationId ?? c.assignedBankId,
          claimedByUserId: null,
          pausedAt: null,
        },
        pool: [],
        obligations: { meet: ['repair'], open: ['claim'] },
        event: { type: 'repaired', data: { ...data, bankId: task.declinedByOrganizationId ?? c.assignedBankId } },
      }));
    }
    return this.transitions.applyIn(manager, { ...base, action: 'not_repairable' }, ({ open }) => ({
      obligations: { meetIds: [task.obligationId] },
      event: {
        type: 'repair_failed',
        data: { ...data, last: !open.some((o) => o.obligation === 'repair' && o.id !== task.obligationId) },
      },
    }));
  }
}
