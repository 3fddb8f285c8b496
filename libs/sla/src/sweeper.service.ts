import { AppConfig } from '@unblock/config';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlineCalculator, SlaPlans } from '@unblock/cases';
import {
  MISSED_DEADLINES,
  PENDING_WEBHOOK_DELIVERIES,
  SET_SLA_HORIZON,
  SLA_HORIZON_FOR_UPDATE,
  WITHOUT_LEVEL_TWO,
  inTransaction,
  obligationsFallingDueSql,
} from '@unblock/database';
import { Clock } from '@unblock/domain';
import { JOB_NAMES, QUEUE_HORIZON_MS, QUEUE_NAMES, jobIdOf, type DeadlinePayload } from '@unblock/queue';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { EscalateDeadlinesUseCase } from './deadlines/escalate-deadlines.use-case';
import { FollowUpEscalationsUseCase } from './deadlines/follow-up-escalations.use-case';
import { OpenLevelTwoUseCase } from './deadlines/open-level-two.use-case';

/** The advisory lock that keeps the sweep to one worker at a time. */
export const SWEEP_LOCK = 7_260_001;
const BATCH = 500;
/** The most batches of waiting follow-ups one sweep takes. */
const FOLLOW_UP_ROUNDS = 20;
/** The open obligations' jobs are added this many at a time when the sweeper tops the horizon up. */
const TOP_UP_PAGE = 5000;
/**
 * How far back each top-up reaches into what the one before covered: an obligation whose transition read
 * the clock before that top-up (so wrote no message, the deadline being beyond the horizon then) but
 * committed after it read the obligations. Its jobs are added again; their ids are the same.
 */
export const TOP_UP_OVERLAP_MS = 10 * 60_000;

export interface SweepReport {
  readonly skipped?: string;
  readonly escalatedLevelOne: number;
  readonly escalatedLevelTwo: number;
  readonly jobsEnsured: number;
  /** The deadline and reminder jobs added as the horizon moved on (all within it after Redis lost them). */
  readonly toppedUp: number;
  /** Escalations whose follow-up had waited too long (Redis lost its job, or no worker ran), followed up. */
  readonly followedUp: number;
}

/** Whether Redis kept the last sweep's key, and this sweep's token written in its place. */
interface HorizonMark {
  readonly kept: boolean;
  readonly token: string;
}

interface OpenObligation {
  id: string;
  due_at: Date;
  campaign_id: string;
}

/**
 * Heals the queues from Postgres, every sweep interval, on one worker at a time (a Postgres advisory lock):
 * opens the escalations whose deadline passed a sweep interval ago without one (Redis lost the job, or no
 * worker ran) — every one whose deadline has passed when Redis lost its keys (`queuesLost`), since no job of
 * theirs is left to run — follows up the escalations whose follow-up has waited as long, and tops the
 * queue horizon up: the deadline and reminder jobs of the open obligations that the horizon has reached
 * since the last sweep (transitions write the messages of what is due within it when they commit), or of
 * every open obligation within it when Redis lost its jobs. Job ids are deterministic: a job still in
 * Redis is left alone.
 */
@Injectable()
export class Sweeper {
  private readonly logger = new Logger('Sweeper');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUE_NAMES.sla) private readonly slaQueue: Queue,
    @InjectQueue(QUEUE_NAMES.notifications) private readonly notifications: Queue,
    private readonly clock: Clock,
    private readonly plans: SlaPlans,
    private readonly deadlines: DeadlineCalculator,
    private readonly escalate: EscalateDeadlinesUseCase,
    private readonly followUp: FollowUpEscalationsUseCase,
    private readonly levelTwo: OpenLevelTwoUseCase,
    private readonly config: AppConfig,
  ) {}

  sweep(): Promise<SweepReport> {
    // Marked once, whatever retries the transaction takes; a sweep that fails leaves Redis's key out, so
    // that the next sweep heals as after a loss.
    let mark: HorizonMark | undefined;
    return inTransaction(this.dataSource, async (manager) => {
      const [lock] = await manager.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        SWEEP_LOCK,
      ]);
      if (lock?.locked !== true) {
        return {
          skipped: 'another sweep holds the lock',
          escalatedLevelOne: 0,
          escalatedLevelTwo: 0,
          jobsEnsured: 0,
          toppedUp: 0,
          followedUp: 0,
        };
      }
      const now = this.clock.now();
      const planOf = this.plans.perCampaign(manager);
      const horizon = (mark ??= await this.markHorizon());

      // The deadlines the queues missed: escalated as one batch (one by one if the batch fails), then
      // followed up at once. While Redis keeps its keys, a deadline's own job has a sweep interval to run
      // first; once Redis lost them, no job is left to run, so every deadline passed is the sweep's.
      const missedBefore = horizon.kept ? now.getTime() - this.config.worker.sweepIntervalMs : now.getTime();
      const missed = await manager.query<OpenObligation[]>(MISSED_DEADLINES, [new Date(missedBefore), BATCH]);
      const outcomes = await this.escalate.executeEach(
        missed.map((o) => ({ obligationId: o.id, dueAt: o.due_at.toISOString() })),
        { alongside: false },
      );
      const escalated: string[] = [];
      outcomes.forEach((outcome, i) => {
        const id = missed[i]?.id ?? '?';
        if (outcome.status === 'fulfilled') {
          if ('done' in outcome.value) escalated.push(id);
          return;
        }
        const reason: unknown = outcome.reason;
        this.logger.error(
          `the deadline of obligation ${id} failed: ${reason instanceof Error ? reason.message : String(reason)}`,
        );
      });
      const escalatedLevelOne = escalated.length;
      if (escalated.length > 0) await this.followUp.execute(escalated);

      let followedUp = 0;
      for (let round = 0; round < FOLLOW_UP_ROUNDS; round += 1) {
        const waiting = await this.followUp.waitingLongerThan(this.config.worker.sweepIntervalMs, BATCH);
        if (waiting.length === 0) break;
        await this.followUp.execute(waiting);
        followedUp += waiting.length;
      }

      let escalatedLevelTwo = 0;
      const waitingForLevelTwo = await manager.query<OpenObligation[]>(WITHOUT_LEVEL_TWO, [BATCH]);
      for (const o of waitingForLevelTwo) {
        if (this.deadlines.levelTwoAt(await planOf(o.campaign_id), o.due_at) > now) continue;
        const result = await this.levelTwo.execute({ obligationId: o.id, dueAt: o.due_at.toISOString() });
        if ('done' in result) escalatedLevelTwo += 1;
      }

      const toppedUp = await this.topUp(manager, now, horizon);

      const jobs: { queue: Queue; name: string; data: object; id: string; at: Date }[] = [];
      for (const o of waitingForLevelTwo) {
        const at = this.deadlines.levelTwoAt(await planOf(o.campaign_id), o.due_at);
        if (at <= now || at.getTime() > now.getTime() + QUEUE_HORIZON_MS) continue;
        const payload: DeadlinePayload = { obligationId: o.id, dueAt: o.due_at.toISOString() };
        jobs.push({
          queue: this.slaQueue,
          name: JOB_NAMES.levelTwo,
          data: payload,
          id: jobIdOf(JOB_NAMES.levelTwo, payload),
          at,
        });
      }
      const pending = await manager.query<{ id: string }[]>(PENDING_WEBHOOK_DELIVERIES, [
        new Date(now.getTime() - 60_000),
        BATCH,
      ]);
      for (const d of pending) {
        const payload = { deliveryId: d.id };
        jobs.push({
          queue: this.notifications,
          name: JOB_NAMES.webhook,
          data: payload,
          id: jobIdOf(JOB_NAMES.webhook, payload),
          at: now,
        });
      }
      for (const queue of [this.slaQueue, this.notifications]) {
        const mine = jobs.filter((j) => j.queue === queue);
        if (mine.length === 0) continue;
        await queue.addBulk(
          mine.map((j) => ({
            name: j.name,
            data: j.data,
            opts: { jobId: j.id, delay: Math.max(0, j.at.getTime() - now.getTime()) },
          })),
        );
      }
      if (escalatedLevelOne + escalatedLevelTwo + followedUp > 0) {
        this.logger.warn(
          `opened ${escalatedLevelOne} level-1 and ${escalatedLevelTwo} level-2 escalations and followed up ` +
            `${followedUp} that the queues missed`,
        );
      }
      return { escalatedLevelOne, escalatedLevelTwo, jobsEnsured: jobs.length + toppedUp, toppedUp, followedUp };
    }).catch(async (error: unknown) => {
      if (mark !== undefined) await this.unmarkHorizon(mark).catch(() => undefined);
      throw error;
    });
  }

  /**
   * Whether Redis lost the queues' keys (or never had them): the key that each sweep writes is gone (one GET).
   * The worker looks every second, and sweeps at once when it is (see the worker's `RedisLossLoop`).
   */
  async queuesLost(): Promise<boolean> {
    const redis = await this.slaQueue.client;
    return (await redis.get(this.horizonKey())) === null;
  }

  private horizonKey(): string {
    return `${this.slaQueue.opts.prefix ?? 'bull'}:${QUEUE_NAMES.sla}:horizon`;
  }

  /**
   * A key in Redis tells whether Redis kept what the last sweep put there: when it is gone (Redis lost
   * everything, or never had it), the sweep takes every deadline passed and tops the horizon up from now.
   * It is written with a token of this run first and checked after the jobs are added, so that a loss in
   * between leaves the horizon where it was, for the next sweep.
   */
  private async markHorizon(): Promise<HorizonMark> {
    const redis = await this.slaQueue.client;
    const token = randomUUID();
    // One sweep at a time (the advisory lock): reading, then writing, the key is safe.
    const kept = (await redis.get(this.horizonKey())) !== null;
    await redis.set(this.horizonKey(), token);
    return { kept, token };
  }

  /** Takes this sweep's key out of Redis (if it is still there). */
  private async unmarkHorizon({ token }: HorizonMark): Promise<void> {
    const redis = await this.slaQueue.client;
    if ((await redis.get(this.horizonKey())) === token) await redis.del(this.horizonKey());
  }

  /**
   * Puts on the queue the deadline and reminder jobs of the open obligations due from where the last top-up
   * stopped (less the overlap) to the horizon, page by page, and records how far it got; from now when Redis
   * lost what the last one put there (`markHorizon`).
   */
  private async topUp(manager: EntityManager, now: Date, { kept, token }: HorizonMark): Promise<number> {
    const redis = await this.slaQueue.client;
    const [state] = await manager.query<{ covered_until: Date | null }[]>(SLA_HORIZON_FOR_UPDATE);
    const until = new Date(now.getTime() + QUEUE_HORIZON_MS);
    const covered = state?.covered_until ?? null;
    const from = new Date(
      kept && covered !== null ? Math.max(now.getTime(), covered.getTime() - TOP_UP_OVERLAP_MS) : now.getTime(),
    );
    let added = 0;
    for (const [column, name] of [
      ['due_at', JOB_NAMES.deadline],
      ['remind_at', JOB_NAMES.reminder],
    ] as const) {
      let after: { at: Date; id: string } | null = null;
      for (;;) {
        const page: { id: string; at: Date; due_at: Date }[] = await manager.query(obligationsFallingDueSql(column), [
          from,
          until,
          after?.at ?? from,
          after?.id ?? '00000000-0000-0000-0000-000000000000',
          TOP_UP_PAGE,
        ]);
        if (page.length === 0) break;
        await this.slaQueue.addBulk(
          page.map((o) => {
            const payload: DeadlinePayload = { obligationId: o.id, dueAt: o.due_at.toISOString() };
            return {
              name,
              data: payload,
              opts: { jobId: jobIdOf(name, payload), delay: Math.max(0, o.at.getTime() - now.getTime()) },
            };
          }),
        );
        added += page.length;
        const last = page[page.length - 1];
        if (page.length < TOP_UP_PAGE || last === undefined) break;
        after = { at: last.at, id: last.id };
      }
    }
    if ((await redis.get(this.horizonKey())) === token) {
      await manager.query(SET_SLA_HORIZON, [until]);
    }
    return added;
  }
}
