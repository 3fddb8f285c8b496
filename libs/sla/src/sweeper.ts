import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SlaPlanner, type SlaPlan } from '@unblock/cases';
import { inTransaction } from '@unblock/database';
import { Clock } from '@unblock/domain';
import { JOB_NAMES, QUEUE_NAMES, jobId } from '@unblock/queue';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { QUEUE_HORIZON_MS } from './outbox-relay';
import { SlaHandlers } from './sla-handlers';

/** The advisory lock that keeps the sweep to one worker at a time. */
export const SWEEP_LOCK = 7_260_001;
const BATCH = 500;

export interface SweepReport {
  readonly skipped?: string;
  readonly escalatedLevelOne: number;
  readonly escalatedLevelTwo: number;
  readonly jobsEnsured: number;
}

interface OpenObligation {
  id: string;
  due_at: Date;
  campaign_id: string;
}

/**
 * Heals the queues from Postgres, every minute, on one worker at a time (a Postgres advisory lock):
 * opens the escalations whose deadline passed without one (Redis lost the job, or no worker ran), and
 * re-creates the jobs due within the horizon (deterministic ids: those still in Redis are left alone).
 */
@Injectable()
export class Sweeper {
  private readonly logger = new Logger('Sweeper');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUE_NAMES.sla) private readonly slaQueue: Queue,
    @InjectQueue(QUEUE_NAMES.notifications) private readonly notifications: Queue,
    private readonly clock: Clock,
    private readonly sla: SlaPlanner,
    private readonly handlers: SlaHandlers,
  ) {}

  sweep(): Promise<SweepReport> {
    return inTransaction(this.dataSource, async (manager) => {
      const [lock] = await manager.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        SWEEP_LOCK,
      ]);
      if (lock?.locked !== true) {
        return { skipped: 'another sweep holds the lock', escalatedLevelOne: 0, escalatedLevelTwo: 0, jobsEnsured: 0 };
      }
      const now = this.clock.now();
      const plans = new Map<string, SlaPlan>();
      const planOf = async (campaignId: string): Promise<SlaPlan> => {
        const known = plans.get(campaignId);
        if (known) return known;
        const plan = await this.sla.planFor(manager, campaignId);
        plans.set(campaignId, plan);
        return plan;
      };

      // The deadlines the queues missed, as one batch (one by one if the batch fails).
      let escalatedLevelOne = 0;
      const missed = await this.missedDeadlines(manager, now);
      const outcomes = await this.handlers.deadlinesIsolated(
        missed.map((o) => ({ obligationId: o.id, dueAt: o.due_at.toISOString() })),
      );
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'fulfilled') {
          if ('done' in outcome.value) escalatedLevelOne += 1;
          return;
        }
        const reason: unknown = outcome.reason;
        this.logger.error(
          `the deadline of obligation ${missed[i]?.id ?? '?'} failed: ${reason instanceof Error ? reason.message : String(reason)}`,
        );
      });

      let escalatedLevelTwo = 0;
      const waitingForLevelTwo = await this.withoutLevelTwo(manager);
      for (const o of waitingForLevelTwo) {
        if (this.sla.levelTwoAt(await planOf(o.campaign_id), o.due_at) > now) continue;
        const result = await this.handlers.levelTwoJob({ obligationId: o.id, dueAt: o.due_at.toISOString() });
        if ('done' in result) escalatedLevelTwo += 1;
      }

      const jobs: { queue: Queue; name: string; data: Record<string, unknown>; id: string; at: Date }[] = [];
      for (const o of await this.dueSoon(manager, now)) {
        const plan = await planOf(o.campaign_id);
        const payload = { obligationId: o.id, dueAt: o.due_at.toISOString() };
        const due = o.due_at.getTime();
        jobs.push({
          queue: this.slaQueue,
          name: JOB_NAMES.deadline,
          data: payload,
          id: jobId(JOB_NAMES.deadline, o.id, due),
          at: o.due_at,
        });
        const remindAt = this.sla.remindAt(plan, o.due_at);
        if (remindAt > now) {
          jobs.push({
            queue: this.slaQueue,
            name: JOB_NAMES.reminder,
            data: payload,
            id: jobId(JOB_NAMES.reminder, o.id, due),
            at: remindAt,
          });
        }
      }
      for (const o of waitingForLevelTwo) {
        const at = this.sla.levelTwoAt(await planOf(o.campaign_id), o.due_at);
        if (at <= now || at.getTime() > now.getTime() + QUEUE_HORIZON_MS) continue;
        const payload = { obligationId: o.id, dueAt: o.due_at.toISOString() };
        jobs.push({
          queue: this.slaQueue,
          name: JOB_NAMES.levelTwo,
          data: payload,
          id: jobId(JOB_NAMES.levelTwo, o.id, o.due_at.getTime()),
          at,
        });
      }
      const pending = await manager.query<{ id: string }[]>(
        `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND created_at < $1 ORDER BY created_at LIMIT $2`,
        [new Date(now.getTime() - 60_000), BATCH],
      );
      for (const d of pending) {
        jobs.push({
          queue: this.notifications,
          name: JOB_NAMES.webhook,
          data: { deliveryId: d.id },
          id: jobId(JOB_NAMES.webhook, d.id),
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
      if (escalatedLevelOne + escalatedLevelTwo > 0) {
        this.logger.warn(
          `opened ${escalatedLevelOne} level-1 and ${escalatedLevelTwo} level-2 escalations the queues missed`,
        );
      }
      return { escalatedLevelOne, escalatedLevelTwo, jobsEnsured: jobs.length };
    });
  }

  /** Open obligations past their deadline with no level-1 escalation (case running, not paused). */
  private missedDeadlines(manager: EntityManager, now: Date): Promise<OpenObligation[]> {
    return manager.query<OpenObligation[]>(
      `SELECT o.id, o.due_at, c.campaign_id FROM case_obligations o JOIN cases c ON c.id = o.case_id
        WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND o.due_at <= $1
          AND c.paused_at IS NULL AND c.status IN ('assigned', 'claimed', 'approved')
          AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 1)
        ORDER BY o.due_at LIMIT $2`,
      [now, BATCH],
    );
  }

  /** Open obligations escalated at level 1 and not yet at level 2. */
  private withoutLevelTwo(manager: EntityManager): Promise<OpenObligation[]> {
    return manager.query<OpenObligation[]>(
      `SELECT o.id, o.due_at, c.campaign_id FROM case_obligations o JOIN cases c ON c.id = o.case_id
        WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND c.paused_at IS NULL
          AND c.status IN ('assigned', 'claimed', 'approved')
          AND EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 1)
          AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 2)
        ORDER BY o.due_at LIMIT $1`,
      [BATCH],
    );
  }

  /** Open obligations due within the horizon. */
  private dueSoon(manager: EntityManager, now: Date): Promise<OpenObligation[]> {
    return manager.query<OpenObligation[]>(
      `SELECT o.id, o.due_at, c.campaign_id FROM case_obligations o JOIN cases c ON c.id = o.case_id
        WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND o.due_at > $1 AND o.due_at <= $2
          AND c.paused_at IS NULL
        ORDER BY o.due_at LIMIT $3`,
      [now, new Date(now.getTime() + QUEUE_HORIZON_MS), 20 * BATCH],
    );
  }
}
