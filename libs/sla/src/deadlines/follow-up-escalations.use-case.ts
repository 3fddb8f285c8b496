import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseRepository, DeadlineCalculator, SlaPlans, TimeOutClaimsUseCase } from '@unblock/cases';
import {
  LOCK_WAITING_FOR_FOLLOW_UP,
  LONG_WAITING_FOR_FOLLOW_UP,
  MARK_FOLLOWED_UP,
  WAITING_FOR_FOLLOW_UP,
  inTransaction,
} from '@unblock/database';
import { Clock, DomainError } from '@unblock/domain';
import { Notifier } from '@unblock/notifications';
import { OUTBOX_TYPES, insertOutbox, outboxMessage, type HandlerResult } from '@unblock/queue';
import { DataSource, type EntityManager } from 'typeorm';
import { lockObligations } from './deadline-locks';
import { OpenLevelTwoUseCase } from './open-level-two.use-case';
import {
  OUTCOMES,
  caseStale,
  missedClaim,
  missedClaimOutcome,
  movesOn,
  notifyEscalations,
  obligationStale,
  pooledCases,
  type Live,
} from './overdue';

/** What a follow-up did: the job's result, and each escalation's outcome by its obligation. */
export interface FollowUpReport {
  readonly result: HandlerResult;
  readonly outcomes: ReadonlyMap<string, HandlerResult>;
}

/**
 * The second half of a deadline, for the level-1 escalations that wait for it (`EscalateDeadlinesUseCase`
 * opened them): the supervisors' notices and the level-2 message of each; and, for a claim still missed
 * (its obligation open, the case waiting where it was), a pool's level 2 or the case's move to the next
 * tier. Then each escalation is marked followed up, so a follow-up run again changes nothing. The cases
 * and obligations are locked first, as everywhere, then the escalations.
 */
@Injectable()
export class FollowUpEscalationsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly plans: SlaPlans,
    private readonly deadlines: DeadlineCalculator,
    private readonly cases: CaseRepository,
    private readonly notifier: Notifier,
    private readonly levelTwo: OpenLevelTwoUseCase,
    private readonly timeOutClaims: TimeOutClaimsUseCase,
  ) {}

  async execute(obligationIds: readonly string[]): Promise<HandlerResult> {
    return (await this.followUp(obligationIds)).result;
  }

  followUp(obligationIds: readonly string[]): Promise<FollowUpReport> {
    return inTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const waiting = await manager.query<{ obligation_id: string }[]>(WAITING_FOR_FOLLOW_UP, [[...obligationIds]]);
      if (waiting.length === 0) return { result: { skipped: 'followed up already' }, outcomes: new Map() };
      const ids = waiting.map((w) => w.obligation_id);
      const { cases, obligations } = await lockObligations(this.dataSource, manager, ids);
      const pending = await manager.query<{ id: string; obligation_id: string; due_at: Date }[]>(
        LOCK_WAITING_FOR_FOLLOW_UP,
        [ids],
      );
      const outcomes = new Map<string, HandlerResult>();
      const escalated: Live[] = [];
      pending.forEach((p, index) => {
        const obligation = obligations.get(p.obligation_id);
        const c = obligation && cases.get(obligation.caseId);
        if (obligation && c) {
          escalated.push({
            index,
            job: { obligationId: p.obligation_id, dueAt: p.due_at.toISOString() },
            obligation,
            case: c,
          });
        }
      });
      // Still as it was at the deadline: the obligation open with the same deadline, the case running.
      const live = escalated.filter((e) => {
        const stale = obligationStale(e.obligation, e.job) ?? caseStale(e.case, e.obligation.dueAt, now);
        if (stale !== null) outcomes.set(e.obligation.id, { skipped: stale });
        return stale === null;
      });
      const moving = new Set(live.filter(movesOn).map((l) => l.case.id));
      for (const [index, result] of await this.followThrough(manager, escalated, live, now, moving)) {
        const e = escalated.find((x) => x.index === index);
        if (e) outcomes.set(e.obligation.id, result);
      }
      // A missed claim that did not move after all (declined meanwhile, say) still has its escalation open.
      await this.cases.raiseEscalatedCases(
        manager,
        escalated.map((e) => e.case.id),
        moving,
      );
      await manager.query(MARK_FOLLOWED_UP, [pending.map((p) => p.id), now]);
      return { result: { done: `followed up ${pending.length}` }, outcomes };
    });
  }

  /** The obligations of the escalations that have waited for their follow-up longer than `olderThanMs`. */
  async waitingLongerThan(olderThanMs: number, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ obligation_id: string }[]>(LONG_WAITING_FOR_FOLLOW_UP, [
      new Date(this.clock.now().getTime() - olderThanMs),
      limit,
    ]);
    return rows.map((r) => r.obligation_id);
  }

  /**
   * For the `escalated`, their level-2 messages (but for missed claims) and the supervisors' notices; for
   * the missed claims among the `live`, a pool's level 2 or the move to the next tier (the cases in `raise`
   * taking level 1 with the move). Answers each live one's outcome by its index.
   */
  private async followThrough(
    manager: EntityManager,
    escalated: readonly Live[],
    live: readonly Live[],
    now: Date,
    raise: ReadonlySet<string>,
  ): Promise<Map<number, HandlerResult>> {
    const results = new Map<number, HandlerResult>();
    if (escalated.length > 0) {
      const planOf = this.plans.perCampaign(manager);
      const messages = [];
      for (const l of escalated) {
        if (missedClaim(l)) continue;
        const runAt = this.deadlines.levelTwoAt(await planOf(l.case.campaignId), l.obligation.dueAt);
        const payload = { obligationId: l.obligation.id, obligation: l.obligation.obligation, dueAt: l.job.dueAt };
        messages.push(outboxMessage(OUTBOX_TYPES.levelTwo, payload, runAt, l.case.id));
      }
      await insertOutbox(manager, messages);
      await notifyEscalations(manager, this.notifier, escalated, 1);
    }
    for (const l of live) if (!missedClaim(l)) results.set(l.index, { done: OUTCOMES.escalated });
    const claims = live.filter(missedClaim);
    const pools = claims.filter((l) => !movesOn(l));
    const moving = claims.filter(movesOn);
    await this.levelTwo.openIn(manager, pools, now);
    const pooled = await pooledCases(manager, pools);
    for (const l of pools) results.set(l.index, { done: missedClaimOutcome(l, pooled) });
    if (moving.length === 0) return results;
    const moved = await this.timeOutClaims.executeIn(
      manager,
      moving.map((l) => l.case),
      raise,
    );
    moving.forEach((l, i) => {
      const outcome = moved[i];
      // Under the locks held, a move fails only for a reason of its own: the batch fails, and runs again alone.
      if (outcome === undefined || outcome instanceof DomainError) throw outcome ?? new Error('no transition result');
      results.set(l.index, { done: missedClaimOutcome(l, new Set()) });
    });
    return results;
  }
}
