import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventEntity, OrganizationEntity, RepairTaskEntity } from '@unblock/database';
import { Clock, DomainError, REPAIRING_ORGANIZATION_KINDS, type Actor, type OrganizationKind } from '@unblock/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { RepairQueries } from './repair.queries';
import type { RepairTaskResponse } from './repair.response';

export interface OpenRepairCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly organizationId: string;
  /** The last day to repair it (Shanghai), `YYYY-MM-DD`; none: the SLA policy's `repair` duration from now. */
  readonly due?: string | undefined;
  readonly note?: string | undefined;
}

/** The end of a day in Shanghai (UTC+8, no daylight saving). */
function endOfDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

/**
 * A supervisor gives the repairable cause of a case in its second diagnosis to an organization (a government
 * department or a guarantee institution): a repair task with its own clock (a `repair` obligation), on the
 * timeline. The cause is the reason of the decline that sent the case to repair.
 */
@Injectable()
export class OpenRepairUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly clock: Clock,
    private readonly repairs: RepairQueries,
  ) {}

  async execute(command: OpenRepairCommand): Promise<RepairTaskResponse> {
    const organization = await this.dataSource.manager.findOneBy(OrganizationEntity, { id: command.organizationId });
    if (!organization || !(REPAIRING_ORGANIZATION_KINDS as readonly OrganizationKind[]).includes(organization.kind)) {
      throw DomainError.invalid('organizationId', 'is not a government department or a guarantee institution');
    }
    const dueAt = command.due === undefined ? undefined : endOfDay(command.due);
    if (dueAt !== undefined && dueAt.getTime() <= this.clock.now().getTime()) {
      throw DomainError.invalid('due', 'is a day already past');
    }
    const taskId = randomUUID();
    const obligationId = randomUUID();
    await this.transitions.apply({ ...command, action: 'open_repair' }, async ({ manager, now, actor, case: c }) => {
      const declined = await manager.findOne(CaseEventEntity, {
        where: { caseId: c.id, type: 'declined' },
        order: { seq: 'DESC' },
      });
      const reasonCode = typeof declined?.data['reason'] === 'string' ? declined.data['reason'] : 'other';
      return {
        obligations: { openOne: { id: obligationId, obligation: 'repair', dueAt } },
        event: {
          type: 'repair_opened',
          data: {
            taskId,
            organizationId: organization.id,
            organizationName: organization.name,
            reason: reasonCode,
            due: command.due ?? null,
            note: command.note ?? null,
          },
        },
        after: async (m) => {
          const [opened] = await m.query<{ due_at: Date }[]>(`SELECT due_at FROM case_obligations WHERE id = $1`, [
            obligationId,
          ]);
          if (opened === undefined) throw new Error(`the repair obligation ${obligationId} was not opened`);
          await m.insert(RepairTaskEntity, {
            id: taskId,
            caseId: c.id,
            organizationId: organization.id,
            obligationId,
            reasonCode,
            declinedByOrganizationId: c.assignedBankId,
            dueAt: opened.due_at,
            status: 'open',
            note: command.note ?? null,
            openedByUserId: actor.userId,
            openedAt: now,
            completedAt: null,
            completedByUserId: null,
            outcomeNote: null,
          });
        },
      };
    });
    const task = await this.dataSource.manager.findOneByOrFail(RepairTaskEntity, { id: taskId });
    const [answer] = await this.repairs.describe(this.dataSource.manager, [task]);
    if (answer === undefined) throw new Error('a described task');
    return answer;
  }
}
