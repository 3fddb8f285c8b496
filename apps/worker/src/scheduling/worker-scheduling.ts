import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  QUEUE_NAMES,
  isJobNamed,
  type DeadlinePayload,
  type HandlerResult,
  type JobName,
  type JobResult,
  type QueueName,
} from '@unblock/queue';
import type { Job } from 'bullmq';
import { DeadlineJob } from '../jobs/deadline.job';
import type { JobRegistry } from '../jobs/job-registry';
import { timeJob } from '../metrics/job-metrics';
import { Limiter } from './limiter';
import { MicroBatcher, type BatchOptions } from './micro-batcher';

/**
 * How many jobs each queue's worker runs at once. Deadline jobs mostly wait in their batcher: at least
 * (`DEADLINE_BATCH.inFlight` + 1) × `DEADLINE_BATCH.max` of them, so that in a burst the batches fill while
 * others run; the `sla` queue's other jobs take a connection each, so they are limited apart.
 */
export const QUEUE_CONCURRENCY: Readonly<Record<QueueName, number>> = {
  [QUEUE_NAMES.sla]: 2000,
  [QUEUE_NAMES.notifications]: 8,
  [QUEUE_NAMES.imports]: 2,
  [QUEUE_NAMES.reports]: 1,
  [QUEUE_NAMES.system]: 1,
};

/** Deadlines arriving within 5 ms (up to 500) escalate in one transaction; three such batches at a time. */
export const DEADLINE_BATCH: BatchOptions = { max: 500, windowMs: 5, inFlight: 3 };
/** How many of the `sla` queue's other jobs (reminders, level 2, the sweep) run at once. */
const SLA_JOBS_AT_ONCE = 4;
/** How long a follow-up gives way to deadlines waiting or running before it runs anyway. */
const FOLLOW_UP_YIELD_MS = 2000;
/** The report rollups' refresh waits until no deadline has waited or run for this long… */
const REFRESH_CALM_MS = 1000;
/** …and at most this long (the rollups' staleness, at most). */
const REFRESH_YIELD_MS = 30_000;
/** Deadline batches this large are logged. */
const BURST_LOG_SIZE = 100;

/**
 * The worker's scheduling policy, in one place: how many jobs of each queue run at once, which jobs run in
 * batches (deadlines), which run one at a time and give way (follow-ups give way to deadlines; the report
 * rollups' refresh waits for the deadlines to calm down, since recomputing a day competes with the
 * escalations for the cores), which are limited (the `sla` queue's other jobs).
 */
@Injectable()
export class WorkerScheduling implements OnModuleDestroy {
  private readonly logger = new Logger('WorkerScheduling');
  private readonly deadlines: MicroBatcher<DeadlinePayload, HandlerResult>;
  private readonly followUps = new Limiter(1);
  private readonly slaJobs = new Limiter(SLA_JOBS_AT_ONCE);

  constructor(deadlineJob: DeadlineJob) {
    this.deadlines = new MicroBatcher(async (payloads) => {
      const started = performance.now();
      const outcomes = await deadlineJob.handleMany(payloads);
      if (payloads.length >= BURST_LOG_SIZE) {
        this.logger.log(
          `${payloads.length} deadlines in ${Math.round(performance.now() - started)} ms; ${this.deadlines.load.waiting} waiting`,
        );
      }
      return outcomes;
    }, DEADLINE_BATCH);
  }

  /** Runs a job read from a queue by its class in `registry`, as its kind is scheduled; its duration is observed. */
  run(job: Job, registry: JobRegistry): Promise<JobResult<JobName>> {
    return timeJob(registry.queue, job.name, this.schedule(job, registry));
  }

  private schedule(job: Job, registry: JobRegistry): Promise<JobResult<JobName>> {
    if (isJobNamed(job, 'deadline')) return this.deadlines.submit(job.data);
    if (isJobNamed(job, 'follow-up')) {
      return this.followUps.run(async () => {
        await this.calm(0, FOLLOW_UP_YIELD_MS);
        return registry.handle(job);
      });
    }
    if (registry.queue === QUEUE_NAMES.sla) return this.slaJobs.run(() => registry.handle(job));
    return registry.handle(job);
  }

  /** Resolves when the report rollups may refresh: the deadlines calm (or long enough waited), or `stop`. */
  beforeRefresh(stop: () => boolean): Promise<void> {
    return this.calm(REFRESH_CALM_MS, REFRESH_YIELD_MS, stop);
  }

  /**
   * Resolves once no deadline has waited or run here for `calmMs`, or after `maxMs` at the latest, or at
   * once when `stop` says so.
   */
  async calm(calmMs: number, maxMs: number, stop: () => boolean = () => false): Promise<void> {
    const until = Date.now() + maxMs;
    while (Date.now() < until && !stop()) {
      const calm = this.deadlines.calmMs;
      if (calm !== null && calm >= calmMs) return;
      // Looks again every 10 ms while deadlines wait or run, else when it may be calm enough (at least every
      // 100 ms, to see `stop`).
      const wait = Math.min(calm === null ? 10 : Math.min(calmMs - calm, 100), until - Date.now());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Submits one deadline to its batch (as a `deadline` job does). */
  deadline(payload: DeadlinePayload): Promise<HandlerResult> {
    return this.deadlines.submit(payload);
  }

  onModuleDestroy(): void {
    this.deadlines.flush();
  }
}
