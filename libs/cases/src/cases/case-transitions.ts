import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseEntity,
  CaseEventEntity,
  CaseObligationEntity,
  CasePoolMemberEntity,
  EscalationEntity,
  OutboxMessageEntity,
  inTransaction,
} from '@unblock/database';
import {
  Clock,
  DomainError,
  checkSystemTransition,
  checkTransition,
  type Actor,
  type CaseAction,
  type CaseStatus,
  type Obligation,
} from '@unblock/domain';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { whereCaseVisible } from '../access';
import { SlaPlanner, type SlaPlan } from '../sla/sla-planner';
import { CaseResponse, toCaseResponse } from './case.response';

/** The columns a transition may change besides status, version and due date. */
export type CasePatch = Partial<
  Pick<
    CaseEntity,
    | 'routingTier'
    | 'assignedBankId'
    | 'claimedByUserId'
    | 'intentionAmount'
    | 'signedAmount'
    | 'declinedOrgIds'
    | 'pausedAt'
    | 'closedAt'
    | 'resolution'
  >
>;

export interface ObligationChanges {
  /** Cancel every open obligation (a decline, a reassignment, a close). */
  readonly cancelOpen?: boolean;
  readonly meet?: readonly Obligation[];
  /** Open these, due after the campaign's SLA durations from now. */
  readonly open?: readonly Obligation[];
  /** Move one open obligation's deadline (a supervisor's extension). */
  readonly move?: { readonly obligation: Obligation; readonly dueAt: Date };
  /** Push every open deadline later by this many milliseconds (the end of a pause). */
  readonly shiftMs?: number;
}

export interface TransitionPlan {
  readonly event: { readonly type: string; readonly data?: Record<string, unknown> };
  readonly set?: CasePatch;
  readonly obligations?: ObligationChanges;
  /** Replace the organizations that may claim the case from the pool. */
  readonly pool?: readonly string[];
  readonly outbox?: readonly { type: string; runAt: Date; payload: Record<string, unknown> }[];
  /** Further writes in the same transaction, after the case is updated. */
  readonly after?: (manager: EntityManager, updated: CaseEntity) => Promise<void>;
}

export interface TransitionContext {
  readonly manager: EntityManager;
  readonly now: Date;
  readonly actor: Actor;
  readonly case: CaseEntity;
  /** The case's open obligations. */
  readonly open: readonly CaseObligationEntity[];
}

export interface TransitionCommand {
  readonly caseId: string;
  readonly action: CaseAction;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  /** The system acts (the router, the SLA clock): no role check, every case visible. */
  readonly system?: boolean;
}

/** The actor of the system's own transitions. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  organizationId: null,
  regionCode: null,
};

/** A supervisor's action settles every open escalation of the case. */
const SUPERVISOR_ACTIONS: ReadonlySet<CaseAction> = new Set(['reassign', 'extend', 'close']);

interface PlannedObligation {
  readonly entity: CaseObligationEntity;
  state: 'unchanged' | 'met' | 'cancelled' | 'moved' | 'new';
}

/**
 * Applies one lifecycle action, per STYLE.md: load → check (transitions table, version) → plan → one
 * conditional UPDATE on status and version → obligations, pool, outbox, one CaseEvent; all in one
 * transaction. An illegal action or a stale version answers 409 with the current status.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: SlaPlanner,
  ) {}

  /** The case as the actor sees it, or 404. */
  async visibleCase(manager: EntityManager, caseId: string, actor: Actor): Promise<CaseEntity> {
    const qb = manager.getRepository(CaseEntity).createQueryBuilder('c').where('c.id = :caseId', { caseId });
    const found = await whereCaseVisible(qb, actor).getOne();
    if (!found) throw DomainError.notFound('case');
    return found;
  }

  apply(
    command: TransitionCommand,
    plan: (context: TransitionContext) => TransitionPlan | Promise<TransitionPlan>,
  ): Promise<CaseResponse> {
    return inTransaction(this.dataSource, (manager) => this.applyIn(manager, command, plan));
  }

  async applyIn(
    manager: EntityManager,
    command: TransitionCommand,
    plan: (context: TransitionContext) => TransitionPlan | Promise<TransitionPlan>,
  ): Promise<CaseResponse> {
    const now = this.clock.now();
    const current = await this.visibleCase(manager, command.caseId, command.system ? SYSTEM_ACTOR : command.actor);
    const check =
      command.system === true
        ? checkSystemTransition(current.status, command.action)
        : checkTransition(current.status, command.action, command.actor.role);
    if (!check.ok) {
      if (check.reason === 'forbidden') {
        throw new DomainError('forbidden', `a ${command.actor.role} may not ${command.action} a case`);
      }
      throw this.illegal(command.action, current.status, current.version);
    }
    if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
      throw DomainError.conflict(
        `the case changed: it is at version ${current.version}, not ${command.expectedVersion}`,
        'expectedVersion',
        { currentStatus: current.status, currentVersion: current.version },
      );
    }
    const open = await manager.find(CaseObligationEntity, {
      where: { caseId: current.id, metAt: IsNull(), cancelledAt: IsNull() },
    });
    const decided = await plan({ manager, now, actor: command.actor, case: current, open });

    // The campaign's SLA plan, read once per transition, and only when a deadline is opened or moved.
    let campaignPlan: Promise<SlaPlan> | undefined;
    const slaPlan = (): Promise<SlaPlan> => (campaignPlan ??= this.sla.planFor(manager, current.campaignId));
    const obligations = await this.planObligations(manager, current, open, decided.obligations, now, slaPlan);
    const live = obligations.filter((o) => o.state !== 'met' && o.state !== 'cancelled');
    const dueAt = live.length === 0 ? null : new Date(Math.min(...live.map((o) => o.entity.dueAt.getTime())));

    const result = await manager
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ ...decided.set, status: check.to, dueAt, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', {
        id: current.id,
        version: current.version,
        status: current.status,
      })
      .execute();
    if (result.affected !== 1) {
      // Somebody else's transition committed between our read and our write (e.g. a claim race lost).
      const now2 = await manager.findOneByOrFail(CaseEntity, { id: current.id });
      throw this.illegal(command.action, now2.status, now2.version, 'the case changed a moment ago');
    }
    const updated = await manager.findOneByOrFail(CaseEntity, { id: current.id });

    await this.writeObligations(manager, obligations, now);
    if (decided.pool !== undefined) {
      await manager.delete(CasePoolMemberEntity, { caseId: current.id });
      if (decided.pool.length > 0) {
        await manager.insert(
          CasePoolMemberEntity,
          decided.pool.map((organizationId) => ({ caseId: current.id, organizationId })),
        );
      }
    }
    const outbox = [
      ...(await this.deadlineMessages(current, obligations, now, slaPlan)),
      ...(decided.outbox ?? []).map((m) => ({ ...m, caseId: current.id })),
    ];
    if (outbox.length > 0) await manager.save(manager.create(OutboxMessageEntity, outbox));
    await this.settleEscalations(manager, current.id, obligations, command.action, now);
    await manager.save(
      manager.create(CaseEventEntity, {
        caseId: current.id,
        type: decided.event.type,
        // The system's transitions are nobody's.
        actorUserId: command.system === true ? null : command.actor.userId,
        at: now,
        data: { from: current.status, to: check.to, ...decided.event.data },
      }),
    );
    if (decided.after) await decided.after(manager, updated);
    return toCaseResponse(updated);
  }

  /** A deadline and a reminder for each obligation opened or moved (none for a reminder already past). */
  private async deadlineMessages(
    current: CaseEntity,
    obligations: PlannedObligation[],
    now: Date,
    slaPlan: () => Promise<SlaPlan>,
  ): Promise<{ type: string; caseId: string; runAt: Date; payload: Record<string, unknown> }[]> {
    const changed = obligations.filter((o) => o.state === 'new' || o.state === 'moved');
    if (changed.length === 0) return [];
    const plan = await slaPlan();
    return changed.flatMap((o) => {
      const payload = {
        obligationId: o.entity.id,
        obligation: o.entity.obligation,
        dueAt: o.entity.dueAt.toISOString(),
      };
      const remindAt = this.sla.remindAt(plan, o.entity.dueAt);
      return [
        { type: 'sla.deadline', caseId: current.id, runAt: o.entity.dueAt, payload },
        ...(remindAt > now ? [{ type: 'sla.reminder', caseId: current.id, runAt: remindAt, payload }] : []),
      ];
    });
  }

  /**
   * Meeting an obligation resolves the escalations of its kind; a supervisor's reassign, extend or close
   * resolves all of the case's. The case's escalation level follows.
   */
  private async settleEscalations(
    manager: EntityManager,
    caseId: string,
    obligations: PlannedObligation[],
    action: CaseAction,
    now: Date,
  ): Promise<void> {
    const met = [...new Set(obligations.filter((o) => o.state === 'met').map((o) => o.entity.obligation))];
    const qb = manager
      .createQueryBuilder()
      .update(EscalationEntity)
      .set({
        status: 'resolved',
        resolvedAt: now,
        resolution: SUPERVISOR_ACTIONS.has(action) ? action : 'obligation_met',
      })
      .where(`case_id = :caseId AND status <> 'resolved'`, { caseId });
    if (!SUPERVISOR_ACTIONS.has(action)) {
      if (met.length === 0) return;
      qb.andWhere('obligation IN (:...met)', { met });
    }
    const resolved = await qb.execute();
    // Most transitions have no escalation to settle: then the case's level stays as it is.
    if (resolved.affected === 0) return;
    await manager.query(
      `UPDATE cases SET escalation_level = COALESCE(
         (SELECT max(level) FROM escalations WHERE case_id = $1 AND status <> 'resolved'), 0) WHERE id = $1`,
      [caseId],
    );
  }

  private illegal(action: CaseAction, status: CaseStatus, version: number, why?: string): DomainError {
    return DomainError.conflict(`${why ? `${why}: ` : ''}cannot ${action} a case that is ${status}`, undefined, {
      currentStatus: status,
      currentVersion: version,
    });
  }

  private async planObligations(
    manager: EntityManager,
    current: CaseEntity,
    open: readonly CaseObligationEntity[],
    changes: ObligationChanges | undefined,
    now: Date,
    slaPlan: () => Promise<SlaPlan>,
  ): Promise<PlannedObligation[]> {
    const planned: PlannedObligation[] = open.map((entity) => ({ entity, state: 'unchanged' }));
    if (!changes) return planned;
    for (const p of planned) {
      if (changes.cancelOpen === true) p.state = 'cancelled';
      else if (changes.meet?.includes(p.entity.obligation)) p.state = 'met';
      else if (changes.move?.obligation === p.entity.obligation) {
        p.entity.dueAt = changes.move.dueAt;
        p.state = 'moved';
      } else if (changes.shiftMs !== undefined && changes.shiftMs > 0) {
        p.entity.dueAt = new Date(p.entity.dueAt.getTime() + changes.shiftMs);
        p.state = 'moved';
      }
    }
    if (changes.open && changes.open.length > 0) {
      const sla = await slaPlan();
      for (const obligation of changes.open) {
        const entity = manager.create(CaseObligationEntity, {
          caseId: current.id,
          obligation,
          openedAt: now,
          dueAt: this.sla.dueAt(sla, obligation, now),
          metAt: null,
          cancelledAt: null,
        });
        planned.push({ entity, state: 'new' });
      }
    }
    return planned;
  }

  private async writeObligations(manager: EntityManager, planned: PlannedObligation[], now: Date): Promise<void> {
    const ids = (state: PlannedObligation['state']): string[] =>
      planned.filter((p) => p.state === state).map((p) => p.entity.id);
    const met = ids('met');
    const cancelled = ids('cancelled');
    if (met.length > 0) await manager.update(CaseObligationEntity, met, { metAt: now });
    if (cancelled.length > 0) await manager.update(CaseObligationEntity, cancelled, { cancelledAt: now });
    for (const moved of planned.filter((p) => p.state === 'moved')) {
      await manager.update(CaseObligationEntity, moved.entity.id, { dueAt: moved.entity.dueAt });
    }
    const fresh = planned.filter((p) => p.state === 'new');
    if (fresh.length > 0) {
      const inserted = await manager.insert(
        CaseObligationEntity,
        fresh.map((p) => p.entity),
      );
      inserted.identifiers.forEach((identifier, i) => {
        const target = fresh[i];
        if (target) target.entity.id = String(identifier['id']);
      });
    }
  }
}
