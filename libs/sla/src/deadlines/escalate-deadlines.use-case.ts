import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseRepository } from '@unblock/cases';
import { DUE_WITHOUT_ESCALATION, ESCALATED_AT_LEVEL_ONE, LOCK_FREE_CASES, inTransaction } from '@unblock/database';
import { Clock } from '@unblock/domain';
import { OUTBOX_TYPES, insertOutbox, outboxMessage, type DeadlinePayload, type HandlerResult } from '@unblock/queue';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { lockObligations } from './deadline-locks';
import { observeDeadlineLag } from './deadline-metrics';
import { OUTCOMES, caseStale, movesOn, obligationStale, type Live } from './overdue';

/** How many other obligations fallen due a batch escalates with its own jobs. */
const ALONGSIDE_MAX = 2000;
/** How far before where the last walk stopped the next one starts. */
const ALONGSIDE_OVERLAP_MS = 1000;
/** How far back a walk reaches at most: misses older than that are the sweeper's. */
const ALONGSIDE_REACH_MS = 60_000;
/** The least uuid: a walk's position before every obligation of its deadline. */
const NO_ID = '00000000-0000-0000-0000-000000000000';
/** How many jobs of a failed batch run at once, one by one. */
const ALONE_AT_ONCE = 2;

/** Where a walk through the open obligations by deadline (and id) stands. */
interface DuePosition {
  readonly dueAt: Date;
  readonly id: string;
}

function beyond(a: DuePosition, b: DuePosition): boolean {
  return a.dueAt.getTime() > b.dueAt.getTime() || (a.dueAt.getTime() === b.dueAt.getTime() && a.id > b.id);
}

export interface EscalateOptions {
  /** Also escalate the other obligations fallen due since the last batch looked (the worker's batches do). */
  readonly alongside?: boolean;
}

/**
 * The first half of a deadline: the level-1 escalations of the jobs' obligations still open and due, with
 * the cases' level and timeline, committed at once so that the supervisors' queue has them; and, in the
 * same transaction, the `follow-up` message that does the rest (`FollowUpEscalationsUseCase`). Stale jobs
 * (obligation met, cancelled or moved, case paused, not due yet) are skipped; a job whose escalation is
 * there already has nothing to do. A job repeated in the batch runs after the first, in the same
 * transaction, and changes nothing.
 *
 * A business day's deadlines all fall at its end, so a batch also escalates, set-based in the database, the
 * other obligations fallen due since the last batch looked: the first jobs of such a burst escalate the
 * rest, whose own jobs then find theirs done.
 */
@Injectable()
export class EscalateDeadlinesUseCase {
  private readonly logger = new Logger('EscalateDeadlines');
  /** Where the batches' walk through the obligations fallen due stopped. */
  private walked: DuePosition | null = null;
  /** The obligations that batches of this process are escalating now: their jobs', and those taken alongside. */
  private readonly escalating = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cases: CaseRepository,
  ) {}

  /** One transaction for the batch; each job gets its own result. */
  execute(jobs: readonly DeadlinePayload[], { alongside = true }: EscalateOptions = {}): Promise<HandlerResult[]> {
    const inFlight = jobs.map((j) => j.obligationId);
    for (const id of inFlight) this.escalating.add(id);
    const taken: string[] = [];
    /** The deadlines of the escalations this transaction opens, for their lag once it commits. */
    const opened: Date[] = [];
    return inTransaction(this.dataSource, async (manager) => {
      opened.length = 0; // a retried transaction starts over
      const escalated = new Set(
        (await manager.query<{ obligation_id: string }[]>(ESCALATED_AT_LEVEL_ONE, [inFlight])).map(
          (r) => r.obligation_id,
        ),
      );
      const todo = jobs.filter((j) => !escalated.has(j.obligationId));
      const followUps: string[] = [];
      const results = await this.inRounds(manager, todo, async (live, now) => {
        // A missed claim's case takes its level with its move to the next tier (one write of the case, in
        // the follow-up); the other cases take it now.
        const moving = new Set(live.filter(movesOn).map((l) => l.case.id));
        const fresh = await this.cases.openEscalations(manager, live, 1, now, {
          raisedByCaller: moving,
          followUp: 'later',
        });
        const mine = live.filter((l) => fresh.has(l.obligation.id));
        followUps.push(...mine.map((l) => l.obligation.id));
        opened.push(...mine.map((l) => l.obligation.dueAt));
        return new Map(
          live.map((l) => [
            l.index,
            fresh.has(l.obligation.id) ? { done: OUTCOMES.escalated } : { skipped: OUTCOMES.escalatedAlready },
          ]),
        );
      });
      if (alongside) {
        const others = await this.escalateAlongside(manager, taken);
        followUps.push(...others.map((o) => o.id));
        opened.push(...others.map((o) => o.dueAt));
      }
      if (followUps.length > 0) {
        await insertOutbox(manager, [
          outboxMessage(OUTBOX_TYPES.followUp, { batchId: randomUUID(), obligationIds: followUps }, this.clock.now()),
        ]);
      }
      let next = 0;
      return jobs.map((j) => {
        const result = escalated.has(j.obligationId) ? { skipped: OUTCOMES.escalatedAlready } : results[next++];
        if (result === undefined) throw new Error('a result per job');
        return result;
      });
    })
      .then((results) => {
        observeDeadlineLag(opened, this.clock.now());
        return results;
      })
      .finally(() => {
        for (const id of inFlight) this.escalating.delete(id);
        for (const id of taken) this.escalating.delete(id);
      });
  }

  /**
   * The batch, or, when it fails, each of its jobs alone (a few at a time, none alongside), so that only
   * a job that fails alone fails.
   */
  async executeEach(
    jobs: readonly DeadlinePayload[],
    options: EscalateOptions = {},
  ): Promise<PromiseSettledResult<HandlerResult>[]> {
    if (jobs.length === 0) return [];
    try {
      return (await this.execute(jobs, options)).map((value) => ({ status: 'fulfilled', value }));
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
          settled[i] = await this.execute([job], { alongside: false }).then(
            ([value]) =>
              value ? { status: 'fulfilled', value } : { status: 'rejected', reason: new Error('no result') },
            (reason: unknown) => ({ status: 'rejected', reason }),
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(ALONE_AT_ONCE, jobs.length) }, runner));
      return settled;
    }
  }

  /**
   * Deadline jobs in rounds within the caller's transaction: each round locks the cases and obligations of
   * its jobs, skips the stale ones, and hands the live ones (of distinct cases) to `work`; a job repeated
   * (the same obligation, or another of the same case) waits for the next round.
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
      const { cases, obligations } = await lockObligations(this.dataSource, manager, [...obligationIds]);
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

  /**
   * Escalates, with a batch of jobs, the other open obligations fallen due since the last batch looked (up
   * to `ALONGSIDE_MAX`, by deadline) that have no escalation yet, leaving out those other batches of this
   * process are escalating (`taken` collects this one's). Each walk starts where the last one stopped (less
   * `ALONGSIDE_OVERLAP_MS`), never further back than `ALONGSIDE_REACH_MS` (older misses are the sweeper's).
   * Answers the obligations escalated, with their deadlines.
   */
  private async escalateAlongside(manager: EntityManager, taken: string[]): Promise<{ id: string; dueAt: Date }[]> {
    const now = this.clock.now();
    const floor: DuePosition = { dueAt: new Date(now.getTime() - ALONGSIDE_REACH_MS), id: NO_ID };
    const walked = this.walked;
    const after = walked === null || walked.dueAt < floor.dueAt || walked.dueAt > now ? floor : walked;
    const candidates = await manager.query<{ id: string; case_id: string; due_at: Date }[]>(DUE_WITHOUT_ESCALATION, [
      after.dueAt,
      after.id,
      now,
      [...this.escalating],
      ALONGSIDE_MAX,
    ]);
    const end = candidates[candidates.length - 1];
    // Cut short: the next walk goes on from where this one stopped; else from now, less the overlap.
    const reached =
      candidates.length === ALONGSIDE_MAX && end !== undefined
        ? { dueAt: end.due_at, id: end.id }
        : { dueAt: new Date(now.getTime() - ALONGSIDE_OVERLAP_MS), id: NO_ID };
    if (this.walked === null || beyond(reached, this.walked)) this.walked = reached;
    if (candidates.length === 0) return [];
    // This batch holds its jobs' cases already: it takes only the cases no one holds (those held are being
    // worked, and their own jobs, or the sweeper, escalate them), so that it never waits out of order.
    const free = new Set(
      (await manager.query<{ id: string }[]>(LOCK_FREE_CASES, [[...new Set(candidates.map((c) => c.case_id))]])).map(
        (r) => r.id,
      ),
    );
    const mine = candidates.filter((c) => free.has(c.case_id));
    for (const c of mine) this.escalating.add(c.id);
    taken.push(...mine.map((c) => c.id));
    const escalated = await this.cases.openDueEscalations(
      manager,
      mine.map((c) => c.id),
      now,
    );
    return mine.filter((c) => escalated.has(c.id)).map((c) => ({ id: c.id, dueAt: c.due_at }));
  }
}
