import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseRouter, CaseTransitions, SYSTEM_ACTOR, SlaPlanner, planRoute } from '@unblock/cases';
import { CaseEntity, CaseObligationEntity, OutboxMessageEntity, inTransaction } from '@unblock/database';
import { Clock, nextTier } from '@unblock/domain';
import type { DeadlinePayload, HandlerResult } from '@unblock/queue';
import { DataSource, type EntityManager } from 'typeorm';
import { openEscalation } from './escalations';
import { Notifier } from './notifier';
import { holdersOf, supervisorsOf } from './recipients';

type Live =
  | { readonly live: true; readonly obligation: CaseObligationEntity; readonly case: CaseEntity }
  | { readonly live: false; readonly skipped: string };

/**
 * The SLA clock's work. Each handler re-reads the obligation under a row lock and does nothing when the
 * job is stale: the obligation met or cancelled, its deadline moved, the case paused. Every write is
 * idempotent, so a retried or duplicated job changes nothing the first did not.
 */
@Injectable()
export class SlaHandlers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: SlaPlanner,
    private readonly router: CaseRouter,
    private readonly transitions: CaseTransitions,
    private readonly notifier: Notifier,
  ) {}

  private async live(
    manager: EntityManager,
    job: DeadlinePayload,
    at: (o: CaseObligationEntity, c: CaseEntity) => Promise<Date>,
  ): Promise<Live> {
    const obligation = await manager.findOne(CaseObligationEntity, {
      where: { id: job.obligationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!obligation) return { live: false, skipped: 'obligation not found' };
    if (obligation.metAt !== null) return { live: false, skipped: 'obligation met' };
    if (obligation.cancelledAt !== null) return { live: false, skipped: 'obligation cancelled' };
    if (obligation.dueAt.getTime() !== Date.parse(job.dueAt)) return { live: false, skipped: 'deadline moved' };
    const c = await manager.findOneByOrFail(CaseEntity, { id: obligation.caseId });
    if ((await at(obligation, c)).getTime() > this.clock.now().getTime())
      return { live: false, skipped: 'not due yet' };
    if (c.pausedAt !== null) return { live: false, skipped: 'case paused' };
    if (c.status === 'closed' || c.status === 'loan_signed') return { live: false, skipped: `case ${c.status}` };
    return { live: true, obligation, case: c };
  }

  /** At the deadline: level-1 escalation; a missed claim moves the case on (a missed pool goes to level 2). */
  deadline(job: DeadlinePayload): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const state = await this.live(manager, job, async (o) => o.dueAt);
      if (!state.live) return { skipped: state.skipped };
      const { obligation, case: c } = state;
      const now = this.clock.now();
      const plan = await this.sla.planFor(manager, c.campaignId);
      const opened = await openEscalation(manager, c, obligation, 1, now);
      if (opened) {
        await manager.save(
          manager.create(OutboxMessageEntity, {
            type: 'sla.level_two',
            caseId: c.id,
            runAt: this.sla.levelTwoAt(plan, obligation.dueAt),
            payload: { obligationId: obligation.id, obligation: obligation.obligation, dueAt: job.dueAt },
          }),
        );
        await this.notifier.notify(manager, await supervisorsOf(manager, c.regionCode), {
          kind: 'escalation',
          caseId: c.id,
          title: `${c.number}: ${obligation.obligation} deadline missed (level 1)`,
          data: { level: 1, obligation: obligation.obligation, dueAt: job.dueAt, bankId: c.assignedBankId },
          key: `escalation.${obligation.id}.1`,
        });
      }
      if (obligation.obligation !== 'claim' || c.status !== 'assigned') return { done: 'escalated to level 1' };
      if (c.routingTier === 3) {
        // A pool that missed its deadline: straight to level 2, for a supervisor to assign by hand.
        await this.levelTwo(manager, c, obligation, now);
        return { done: 'pool missed its claim deadline: escalated to level 2' };
      }
      await this.transitions.applyIn(
        manager,
        { caseId: c.id, action: 'claim_timeout', actor: SYSTEM_ACTOR, system: true },
        async () => {
          const route = await planRoute(this.router, manager, c, nextTier(c.routingTier));
          return {
            ...route,
            event: {
              type: 'claim_deadline_missed',
              data: { fromTier: c.routingTier, fromBankId: c.assignedBankId, next: route.hop },
            },
          };
        },
      );
      return { done: 'escalated to level 1 and moved to the next tier' };
    });
  }

  /** Still open `levelTwoAfter` past the deadline: level 2. */
  levelTwoJob(job: DeadlinePayload): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const state = await this.live(manager, job, async (o, c) =>
        this.sla.levelTwoAt(await this.sla.planFor(manager, c.campaignId), o.dueAt),
      );
      if (!state.live) return { skipped: state.skipped };
      const opened = await this.levelTwo(manager, state.case, state.obligation, this.clock.now());
      return opened ? { done: 'escalated to level 2' } : { skipped: 'level 2 already open' };
    });
  }

  private async levelTwo(
    manager: EntityManager,
    c: CaseEntity,
    obligation: CaseObligationEntity,
    now: Date,
  ): Promise<boolean> {
    const opened = await openEscalation(manager, c, obligation, 2, now);
    if (opened) {
      await this.notifier.notify(manager, await supervisorsOf(manager, c.regionCode), {
        kind: 'escalation',
        caseId: c.id,
        title: `${c.number}: ${obligation.obligation} still open (level 2)`,
        data: {
          level: 2,
          obligation: obligation.obligation,
          dueAt: obligation.dueAt.toISOString(),
          bankId: c.assignedBankId,
        },
        key: `escalation.${obligation.id}.2`,
      });
    }
    return opened;
  }

  /** One business day before the deadline: remind whoever holds the case. */
  reminder(job: DeadlinePayload): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const state = await this.live(manager, job, async (o, c) =>
        this.sla.remindAt(await this.sla.planFor(manager, c.campaignId), o.dueAt),
      );
      if (!state.live) return { skipped: state.skipped };
      const { obligation, case: c } = state;
      const sent = await this.notifier.notify(manager, await holdersOf(manager, c), {
        kind: 'reminder',
        caseId: c.id,
        title: `${c.number}: ${obligation.obligation} due ${obligation.dueAt.toISOString()}`,
        data: { obligation: obligation.obligation, dueAt: job.dueAt },
        key: `reminder.${obligation.id}.${Date.parse(job.dueAt)}`,
      });
      return sent > 0 ? { done: `reminded ${sent}` } : { skipped: 'reminded already' };
    });
  }
}
