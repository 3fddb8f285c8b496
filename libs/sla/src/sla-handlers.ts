import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseRouter,
  CaseTransitions,
  SYSTEM_ACTOR,
  SlaPlanner,
  planRoute,
  planRoutes,
  type RoutePlan,
  type SlaPlan,
  type TransitionCommand,
  type TransitionPlan,
} from '@unblock/cases';
import { CaseEntity, CaseObligationEntity, inTransaction } from '@unblock/database';
import { Clock, DomainError, nextTier } from '@unblock/domain';
import type { DeadlinePayload, HandlerResult } from '@unblock/queue';
import { DataSource, type EntityManager } from 'typeorm';
import { openEscalation, openEscalations, openEscalationsDue, type DuePosition, type Overdue } from './escalations';
import { Notifier, type Notice } from './notifier';
import { holdersOf, supervisorsByRegion, supervisorsOf } from './recipients';

type LiveState =
  | { readonly live: true; readonly obligation: CaseObligationEntity; readonly case: CaseEntity }
  | { readonly live: false; readonly skipped: string };

/** A deadline job whose obligation is still open and due, in a batch: its index there, the case and obligation. */
type Live = Overdue & { readonly index: number; readonly job: DeadlinePayload };

const ESCALATED = 'escalated to level 1';
const POOL_MISSED = 'pool missed its claim deadline: escalated to level 2';
const MOVED_ON = 'escalated to level 1 and moved to the next tier';
/** How many other obligations fallen due a batch escalates with its own jobs (`escalateAlongside`). */
const ALONGSIDE_MAX = 2000;
/** How far before where the last walk stopped the next one starts. */
const ALONGSIDE_OVERLAP_MS = 1000;
/** How far back a walk reaches at most: misses older than that are the sweeper's. */
const ALONGSIDE_REACH_MS = 60_000;
/** The least uuid: a walk's position before every obligation of its deadline. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Whether one position of a walk through the obligations by deadline lies beyond another. */
function beyond(a: DuePosition, b: DuePosition): boolean {
  return a.dueAt.getTime() > b.dueAt.getTime() || (a.dueAt.getTime() === b.dueAt.getTime() && a.id > b.id);
}
/** How many jobs of a failed batch run at once, one by one. */
const FALLBACK_CONCURRENCY = 2;

interface OutboxMessage {
  readonly type: string;
  readonly caseId: string | null;
  readonly runAt: Date;
  readonly payload: Record<string, unknown>;
}

/** Outbox messages in one statement. */
async function insertOutbox(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await manager.query(
    `INSERT INTO outbox (type, case_id, run_at, payload)
     SELECT m.type, m.case_id, m.run_at, m.payload
       FROM jsonb_to_recordset($1::jsonb) AS m(type text, case_id uuid, run_at timestamptz, payload jsonb)`,
    [JSON.stringify(messages.map((m) => ({ type: m.type, case_id: m.caseId, run_at: m.runAt, payload: m.payload })))],
  );
}

/** The supervisors' notice of a level-1 escalation. */
function levelOneNotice({ case: c, obligation }: Overdue, job: DeadlinePayload): Notice {
  return {
    kind: 'escalation',
    caseId: c.id,
    title: `${c.number}: ${obligation.obligation} deadline missed (level 1)`,
    data: { level: 1, obligation: obligation.obligation, dueAt: job.dueAt, bankId: c.assignedBankId },
    key: `escalation.${obligation.id}.1`,
  };
}

/**
 * A claim missed while the case waits at a bank or in a pool: the case moves on (the obligation is
 * cancelled) or, from the pool, goes to level 2 at once, so its escalation needs no level-2 message.
 */
function missedClaim({ case: c, obligation }: Overdue): boolean {
  return obligation.obligation === 'claim' && c.status === 'assigned';
}

/** A claim missed at a bank: the case moves to the next tier (from the pool, it goes to level 2 instead). */
function movesOn(overdue: Overdue): boolean {
  return missedClaim(overdue) && overdue.case.routingTier !== 3;
}

/** The cases of the missed claims that move to the next tier. */
function movingCases(live: readonly Overdue[]): Set<string> {
  return new Set(live.filter(movesOn).map((l) => l.case.id));
}

/** The system's `claim_timeout` of a case. */
function claimTimeout(c: CaseEntity): TransitionCommand {
  return { caseId: c.id, action: 'claim_timeout', actor: SYSTEM_ACTOR, system: true };
}

/** A missed claim moves the case on by its route; the timeline records from where. */
function claimTimeoutPlan(c: CaseEntity, route: RoutePlan): TransitionPlan {
  return {
    ...route,
    event: {
      type: 'claim_deadline_missed',
      data: { fromTier: c.routingTier, fromBankId: c.assignedBankId, next: route.hop },
    },
  };
}

function fail(what: string): never {
  throw new Error(`missing ${what}`);
}

/** Why a job's obligation no longer calls for it (null: it still does). */
function obligationStale(obligation: CaseObligationEntity | null | undefined, job: DeadlinePayload): string | null {
  if (!obligation) return 'obligation not found';
  if (obligation.metAt !== null) return 'obligation met';
  if (obligation.cancelledAt !== null) return 'obligation cancelled';
  if (obligation.dueAt.getTime() !== Date.parse(job.dueAt)) return 'deadline moved';
  return null;
}

/** Why the case holds the job back (null: it runs now): not due yet at `at`, paused, closed or signed. */
function caseStale(c: CaseEntity, at: Date, now: Date): string | null {
  if (at.getTime() > now.getTime()) return 'not due yet';
  if (c.pausedAt !== null) return 'case paused';
  if (c.status === 'closed' || c.status === 'loan_signed') return `case ${c.status}`;
  return null;
}

/**
 * The SLA clock's work. Each handler re-reads the obligation under a row lock and does nothing when the
 * job is stale: the obligation met or cancelled, its deadline moved, the case paused. Every write is
 * idempotent, so a retried or duplicated job changes nothing the first did not.
 */
@Injectable()
export class SlaHandlers {
  private readonly logger = new Logger('SlaHandlers');
  /** Where the batches' walk through the obligations fallen due stopped (`escalateAlongside`). */
  private walked: DuePosition | null = null;
  /** The obligations that batches are escalating now: their jobs', and those they took alongside. */
  private readonly escalating = new Set<string>();

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
  ): Promise<LiveState> {
    const obligation = await manager.findOne(CaseObligationEntity, {
      where: { id: job.obligationId },
      lock: { mode: 'pessimistic_write' },
    });
    const stale = obligationStale(obligation, job);
    if (stale !== null || !obligation) return { live: false, skipped: stale ?? 'obligation not found' };
    const c = await manager.findOneByOrFail(CaseEntity, { id: obligation.caseId });
    const paused = caseStale(c, await at(obligation, c), this.clock.now());
    if (paused !== null) return { live: false, skipped: paused };
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
        if (!missedClaim(state)) await insertOutbox(manager, [this.levelTwoMessage(plan, state, job)]);
        await this.notifier.notify(manager, await supervisorsOf(manager, c.regionCode), levelOneNotice(state, job));
      }
      if (!missedClaim(state)) return { done: ESCALATED };
      if (c.routingTier === 3) {
        // A pool that missed its deadline: straight to level 2, for a supervisor to assign by hand.
        await this.levelTwo(manager, [state], now);
        return { done: POOL_MISSED };
      }
      await this.transitions.applyIn(manager, claimTimeout(c), async () =>
        claimTimeoutPlan(c, await planRoute(this.router, manager, c, nextTier(c.routingTier))),
      );
      return { done: MOVED_ON };
    });
  }

  /**
   * Many deadline jobs in one transaction, set-based, with the results `deadline` gives them one by one:
   * the cases and obligations locked in two statements (cases first, by id, as the lifecycle's writes lock
   * them), the stale jobs skipped, the level-1 escalations, level-2 messages and notices written for all at
   * once, and the missed claims moved on as one batch of transitions. A job repeated in the batch (the same
   * obligation, or another of the same case) runs in a next round of the same transaction, after the first.
   */
  deadlines(jobs: readonly DeadlinePayload[]): Promise<HandlerResult[]> {
    return inTransaction(this.dataSource, (manager) =>
      this.inRounds(manager, jobs, (live, now) => this.escalateAll(manager, live, now, this.plans(manager))),
    );
  }

  /**
   * The worker's way with a batch of deadline jobs: `deadlines` in two transactions, so that the
   * supervisors' queue has the escalations at once. This one opens the level-1 escalations (the cases'
   * level and timeline with them) and commits, with an outbox message that queues what follows them:
   * the notices, a pool's level 2, a missed claim's move to the next tier (`followUp`). Until that is
   * done, each escalation says it waits for it; the sweeper heals one that waits too long.
   */
  escalate(
    jobs: readonly DeadlinePayload[],
    { alongside = true }: { alongside?: boolean } = {},
  ): Promise<HandlerResult[]> {
    const inFlight = jobs.map((j) => j.obligationId);
    for (const id of inFlight) this.escalating.add(id);
    const taken: string[] = [];
    return inTransaction(this.dataSource, async (manager) => {
      // A job whose escalation is there already (opened alongside another job, or this job's second run)
      // has nothing to do: no need to lock its case.
      const escalated = new Set(
        (
          await manager.query<{ obligation_id: string }[]>(
            `SELECT obligation_id FROM escalations WHERE obligation_id = ANY($1::uuid[]) AND level = 1`,
            [inFlight],
          )
        ).map((r) => r.obligation_id),
      );
      const todo = jobs.filter((j) => !escalated.has(j.obligationId));
      const followUps: string[] = [];
      const results = await this.inRounds(manager, todo, async (live, now) => {
        // A missed claim's case takes its escalation level with its move to the next tier (one write of the
        // case, in the follow-up); the other cases take it now.
        const opened = await openEscalations(manager, live, 1, now, movingCases(live), 'later');
        followUps.push(...live.filter((l) => opened.has(l.obligation.id)).map((l) => l.obligation.id));
        return new Map(
          live.map((l) => [
            l.index,
            opened.has(l.obligation.id) ? { done: ESCALATED } : { skipped: 'escalated already' },
          ]),
        );
      });
      if (alongside) followUps.push(...(await this.escalateAlongside(manager, taken)));
      if (followUps.length > 0) {
        await insertOutbox(manager, [
          { type: 'sla.follow_up', caseId: null, runAt: this.clock.now(), payload: { obligationIds: followUps } },
        ]);
      }
      let next = 0;
      return jobs.map(
        (j) => (escalated.has(j.obligationId) ? { skipped: 'escalated already' } : results[next++]) ?? fail('a result'),
      );
    }).finally(() => {
      for (const id of inFlight) this.escalating.delete(id);
      for (const id of taken) this.escalating.delete(id);
    });
  }

  /**
   * Escalates, with a batch of jobs, the other open obligations that have fallen due since the last batch
   * looked (up to `ALONGSIDE_MAX`, in the order of their deadlines, set-based in the database) and have no
   * escalation yet: a business day's deadlines all fall at its end, so the first jobs of such a burst have
   * their batches escalate the others, not each when its own job comes (which then finds it done). Each
   * walk starts where the last one stopped (less `ALONGSIDE_OVERLAP_MS`), never further back than
   * `ALONGSIDE_REACH_MS` (older misses are the sweeper's), and leaves out the obligations other batches
   * are escalating (`taken` collects this one's). Answers the obligations escalated.
   */
  private async escalateAlongside(manager: EntityManager, taken: string[]): Promise<string[]> {
    const now = this.clock.now();
    const floor: DuePosition = { dueAt: new Date(now.getTime() - ALONGSIDE_REACH_MS), id: NO_ID };
    const walked = this.walked;
    const after = walked === null || walked.dueAt < floor.dueAt || walked.dueAt > now ? floor : walked;
    const { escalated, candidates, last } = await openEscalationsDue(
      manager,
      after,
      now,
      this.escalating,
      ALONGSIDE_MAX,
    );
    taken.push(...candidates);
    // Cut short: the next walk goes on from where this one stopped; else from now, less the overlap.
    const reached =
      candidates.length === ALONGSIDE_MAX && last !== null
        ? last
        : { dueAt: new Date(now.getTime() - ALONGSIDE_OVERLAP_MS), id: NO_ID };
    if (this.walked === null || beyond(reached, this.walked)) this.walked = reached;
    return escalated;
  }

  /**
   * What follows the level-1 escalations of these obligations that still wait for it (`escalate`): the
   * supervisors' notices, a level-2 message, and for a claim still missed (its obligation open, the case
   * waiting at the same bank), a pool's level 2 or the move to the next tier. Then each escalation is
   * marked followed up. The cases and obligations are locked first, as everywhere, then the escalations.
   */
  followUp(obligationIds: readonly string[]): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const waiting = await manager.query<{ obligation_id: string }[]>(
        `SELECT obligation_id FROM escalations
          WHERE obligation_id = ANY($1::uuid[]) AND level = 1 AND followed_up_at IS NULL`,
        [obligationIds],
      );
      if (waiting.length === 0) return { skipped: 'followed up already' };
      const { cases, obligations } = await this.lock(
        manager,
        waiting.map((w) => w.obligation_id),
      );
      const pending = await manager.query<{ id: string; obligation_id: string; due_at: Date }[]>(
        `SELECT id, obligation_id, due_at FROM escalations
          WHERE obligation_id = ANY($1::uuid[]) AND level = 1 AND followed_up_at IS NULL
          ORDER BY id FOR UPDATE`,
        [waiting.map((w) => w.obligation_id)],
      );
      const escalated: Live[] = [];
      pending.forEach((p, index) => {
        const obligation = obligations.get(p.obligation_id);
        const c = obligation && cases.get(obligation.caseId);
        if (obligation && c)
          escalated.push({
            index,
            job: { obligationId: p.obligation_id, dueAt: p.due_at.toISOString() },
            obligation,
            case: c,
          });
      });
      // Still as it was at the deadline: the obligation open with the same deadline, the case running.
      const live = escalated.filter(
        (e) => obligationStale(e.obligation, e.job) === null && caseStale(e.case, e.obligation.dueAt, now) === null,
      );
      const moving = movingCases(live);
      await this.followThrough(manager, escalated, live, now, this.plans(manager), moving);
      // A missed claim that did not move after all (declined meanwhile, say) still has its escalation open.
      await manager.query(
        `UPDATE cases c SET escalation_level = GREATEST(c.escalation_level, 1)
          WHERE c.id = ANY($1::uuid[]) AND c.id <> ALL($2::uuid[]) AND c.escalation_level < 1
            AND EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = c.id AND e.status <> 'resolved')`,
        [escalated.map((e) => e.case.id), [...moving]],
      );
      await manager.query(`UPDATE escalations SET followed_up_at = $2 WHERE id = ANY($1::uuid[])`, [
        pending.map((p) => p.id),
        now,
      ]);
      return { done: `followed up ${pending.length}` };
    });
  }

  /** The obligations of the escalations that have waited for their follow-up longer than `olderThanMs`. */
  async waitingForFollowUp(olderThanMs: number, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ obligation_id: string }[]>(
      `SELECT obligation_id FROM escalations WHERE followed_up_at IS NULL AND opened_at < $1
        ORDER BY opened_at LIMIT $2`,
      [new Date(this.clock.now().getTime() - olderThanMs), limit],
    );
    return rows.map((r) => r.obligation_id);
  }

  /**
   * `deadlines`, and when the batch fails, each of its jobs alone through `deadline` (a few at a time), so
   * that only a job that fails alone fails.
   */
  deadlinesIsolated(jobs: readonly DeadlinePayload[]): Promise<PromiseSettledResult<HandlerResult>[]> {
    return this.isolated(
      jobs,
      (all) => this.deadlines(all),
      (job) => this.deadline(job),
    );
  }

  /** `escalate`, and when the batch fails, each of its jobs alone (a few at a time). */
  escalateIsolated(jobs: readonly DeadlinePayload[]): Promise<PromiseSettledResult<HandlerResult>[]> {
    return this.isolated(
      jobs,
      (all) => this.escalate(all),
      async (job) => (await this.escalate([job], { alongside: false }))[0] ?? fail('a result'),
    );
  }

  private async isolated(
    jobs: readonly DeadlinePayload[],
    batch: (jobs: readonly DeadlinePayload[]) => Promise<HandlerResult[]>,
    alone: (job: DeadlinePayload) => Promise<HandlerResult>,
  ): Promise<PromiseSettledResult<HandlerResult>[]> {
    if (jobs.length === 0) return [];
    try {
      return (await batch(jobs)).map((value) => ({ status: 'fulfilled', value }));
    } catch (error: unknown) {
      if (jobs.length === 1) return [{ status: 'rejected', reason: error }];
      this.logger.warn(
        `a batch of ${jobs.length} deadlines failed (${error instanceof Error ? error.message : String(error)}); one by one`,
      );
      const settled: PromiseSettledResult<HandlerResult>[] = [];
      let next = 0;
      const runner = async (): Promise<void> => {
        for (let i = next++; i < jobs.length; i = next++) {
          const job = jobs[i];
          if (job === undefined) continue;
          settled[i] = await alone(job).then(
            (value) => ({ status: 'fulfilled', value }) as const,
            (reason: unknown) => ({ status: 'rejected', reason }) as const,
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(FALLBACK_CONCURRENCY, jobs.length) }, runner));
      return settled;
    }
  }

  /** The campaigns' SLA plans, each read once within a transaction. */
  private plans(manager: EntityManager): (campaignId: string) => Promise<SlaPlan> {
    const plans = new Map<string, Promise<SlaPlan>>();
    return (campaignId) => {
      const known = plans.get(campaignId) ?? this.sla.planFor(manager, campaignId);
      plans.set(campaignId, known);
      return known;
    };
  }

  /**
   * Deadline jobs in rounds within the caller's transaction: each round locks the cases and obligations of
   * its jobs, skips the stale ones, and hands the live ones (of distinct cases) to `work`; a job repeated
   * (the same obligation, or another of the same case) waits for the next round. Answers each job's result.
   */
  private async inRounds(
    manager: EntityManager,
    jobs: readonly DeadlinePayload[],
    work: (live: readonly Live[], now: Date) => Promise<Map<number, HandlerResult>>,
  ): Promise<HandlerResult[]> {
    const now = this.clock.now();
    const results: HandlerResult[] = [];
    let pending = jobs.map((job, index) => ({ job, index }));
    while (pending.length > 0) {
      const round: typeof pending = [];
      const later: typeof pending = [];
      const obligationIds = new Set<string>();
      for (const p of pending) {
        (obligationIds.has(p.job.obligationId) ? later : round).push(p);
        obligationIds.add(p.job.obligationId);
      }
      const { cases, obligations } = await this.lock(manager, [...obligationIds]);
      const live: Live[] = [];
      const caseIds = new Set<string>();
      for (const p of round) {
        const obligation = obligations.get(p.job.obligationId);
        const stale = obligationStale(obligation, p.job);
        if (stale !== null || !obligation) {
          results[p.index] = { skipped: stale ?? 'obligation not found' };
          continue;
        }
        if (caseIds.has(obligation.caseId)) {
          later.push(p);
          continue;
        }
        caseIds.add(obligation.caseId);
        const c = cases.get(obligation.caseId);
        if (!c) throw new Error(`case ${obligation.caseId} of obligation ${obligation.id} not found`);
        const held = caseStale(c, obligation.dueAt, now);
        if (held !== null) results[p.index] = { skipped: held };
        else live.push({ index: p.index, job: p.job, obligation, case: c });
      }
      for (const [index, result] of await work(live, now)) results[index] = result;
      pending = later.sort((a, b) => a.index - b.index);
    }
    return results;
  }

  /** The obligations of the batch and their cases, locked: the cases first, then the obligations, each by id. */
  private async lock(
    manager: EntityManager,
    obligationIds: readonly string[],
  ): Promise<{ cases: Map<string, CaseEntity>; obligations: Map<string, CaseObligationEntity> }> {
    const cases = await manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.id IN (SELECT o.case_id FROM case_obligations o WHERE o.id = ANY(CAST(:ids AS uuid[])))', {
        ids: obligationIds,
      })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
    const obligations = await manager
      .getRepository(CaseObligationEntity)
      .createQueryBuilder('o')
      .where('o.id = ANY(CAST(:ids AS uuid[]))', { ids: obligationIds })
      .orderBy('o.id')
      .setLock('pessimistic_write')
      .getMany();
    return { cases: new Map(cases.map((c) => [c.id, c])), obligations: new Map(obligations.map((o) => [o.id, o])) };
  }

  /** `deadline`'s work for live jobs of distinct cases, set-based; answers each job's result by its index. */
  private async escalateAll(
    manager: EntityManager,
    live: readonly Live[],
    now: Date,
    planOf: (campaignId: string) => Promise<SlaPlan>,
  ): Promise<Map<number, HandlerResult>> {
    if (live.length === 0) return new Map();
    const moving = live.filter(movesOn);
    // The cases that move on take their new escalation level with the move.
    const opened = await openEscalations(manager, live, 1, now, new Set(moving.map((l) => l.case.id)));
    const raised = new Set(moving.filter((l) => opened.has(l.obligation.id)).map((l) => l.case.id));
    return this.followThrough(
      manager,
      live.filter((l) => opened.has(l.obligation.id)),
      live,
      now,
      planOf,
      raised,
    );
  }

  /**
   * What follows level-1 escalations: for the `escalated`, their level-2 messages (but for missed claims)
   * and the supervisors' notices; for the missed claims among the `live`, a pool's level 2 or the move to
   * the next tier (the cases in `raise` taking level 1 with the move). Answers each live job's result.
   */
  private async followThrough(
    manager: EntityManager,
    escalated: readonly Live[],
    live: readonly Live[],
    now: Date,
    planOf: (campaignId: string) => Promise<SlaPlan>,
    raise: ReadonlySet<string>,
  ): Promise<Map<number, HandlerResult>> {
    const results = new Map<number, HandlerResult>();
    if (escalated.length > 0) {
      const messages = [];
      for (const l of escalated) {
        if (!missedClaim(l)) messages.push(this.levelTwoMessage(await planOf(l.case.campaignId), l, l.job));
      }
      await insertOutbox(manager, messages);
      const supervisors = await supervisorsByRegion(
        manager,
        escalated.map((l) => l.case.regionCode),
      );
      await this.notifier.notifyMany(
        manager,
        escalated.map((l) => ({ userIds: supervisors.get(l.case.regionCode) ?? [], notice: levelOneNotice(l, l.job) })),
      );
    }
    for (const l of live) if (!missedClaim(l)) results.set(l.index, { done: ESCALATED });
    const claims = live.filter(missedClaim);
    const pools = claims.filter((l) => l.case.routingTier === 3);
    const moving = claims.filter((l) => l.case.routingTier !== 3);
    await this.levelTwo(manager, pools, now);
    for (const l of pools) results.set(l.index, { done: POOL_MISSED });
    if (moving.length === 0) return results;
    const moved = await this.transitions.applyManyIn(
      manager,
      moving.map((l) => claimTimeout(l.case)),
      async (contexts) => {
        const routes = await planRoutes(
          this.router,
          manager,
          contexts.map((x) => ({ subject: x.case, fromTier: nextTier(x.case.routingTier) })),
        );
        return contexts.map((x, i) => {
          const plan = claimTimeoutPlan(x.case, routes[i] ?? fail('a route per case'));
          if (!raise.has(x.case.id)) return plan;
          return { ...plan, set: { ...plan.set, escalationLevel: Math.max(x.case.escalationLevel, 1) } };
        });
      },
    );
    moving.forEach((l, i) => {
      const outcome = moved[i];
      // Under the batch's locks no transition can fail but for a reason of its own: one by one, it fails alone.
      if (outcome === undefined || outcome instanceof DomainError) throw outcome ?? new Error('no transition result');
      results.set(l.index, { done: MOVED_ON });
    });
    return results;
  }

  /** The level-2 message of a level-1 escalation, due `levelTwoAfter` past the deadline. */
  private levelTwoMessage(plan: SlaPlan, { case: c, obligation }: Overdue, job: DeadlinePayload): OutboxMessage {
    return {
      type: 'sla.level_two',
      caseId: c.id,
      runAt: this.sla.levelTwoAt(plan, obligation.dueAt),
      payload: { obligationId: obligation.id, obligation: obligation.obligation, dueAt: job.dueAt },
    };
  }

  /** Still open `levelTwoAfter` past the deadline: level 2. */
  levelTwoJob(job: DeadlinePayload): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const state = await this.live(manager, job, async (o, c) =>
        this.sla.levelTwoAt(await this.sla.planFor(manager, c.campaignId), o.dueAt),
      );
      if (!state.live) return { skipped: state.skipped };
      // A claim missed at a bank moves the case on (its follow-up does, when it waits for one): no level 2.
      if (movesOn(state)) return { skipped: 'moves to the next tier' };
      const opened = await this.levelTwo(manager, [state], this.clock.now());
      return opened.size > 0 ? { done: 'escalated to level 2' } : { skipped: 'level 2 already open' };
    });
  }

  /** Level-2 escalations and their notices; answers the obligations whose level 2 is new. */
  private async levelTwo(manager: EntityManager, overdue: readonly Overdue[], now: Date): Promise<Set<string>> {
    const opened = await openEscalations(manager, overdue, 2, now);
    const escalated = overdue.filter((o) => opened.has(o.obligation.id));
    if (escalated.length > 0) {
      const supervisors = await supervisorsByRegion(
        manager,
        escalated.map((o) => o.case.regionCode),
      );
      await this.notifier.notifyMany(
        manager,
        escalated.map(({ case: c, obligation }) => ({
          userIds: supervisors.get(c.regionCode) ?? [],
          notice: {
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
          },
        })),
      );
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
