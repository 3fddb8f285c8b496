import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { DeadlinePayload, HandlerResult } from '@unblock/queue';
import { SlaHandlers } from './sla-handlers';

/**
 * How many jobs the `sla` processor runs at once. Deadline jobs mostly wait in the batcher: at least
 * (`DEADLINE_BATCH.inFlight` + 1) × `DEADLINE_BATCH.max` of them, so that in a burst the batches fill
 * while others run. The other jobs take a connection each, so they are limited apart (`SLA_JOB_CONCURRENCY`).
 */
export const SLA_CONCURRENCY = 2000;
/** How many of the `sla` queue's other jobs (reminders, level 2, the sweep) run at once. */
export const SLA_JOB_CONCURRENCY = 4;

export interface BatchOptions {
  /** The most items in one batch. */
  readonly max: number;
  /** How long the first item of a batch waits for others. */
  readonly windowMs: number;
  /** How many batches run at once; more items wait and go in the next batch. */
  readonly inFlight: number;
}

/** Batches this large are logged. */
const BURST_LOG_SIZE = 100;

export const DEADLINE_BATCH: BatchOptions = { max: 500, windowMs: 5, inFlight: 3 };

interface Waiting<I, R> {
  readonly item: I;
  readonly resolve: (result: R) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Collects the items submitted within a short window (or until a batch is full), runs them together, and
 * settles each submitter's promise with its own outcome.
 */
export class MicroBatcher<I, R> {
  private waiting: Waiting<I, R>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running = 0;
  /** When an item last arrived or a batch last finished (epoch ms). */
  private busyAt = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<PromiseSettledResult<R>[]>,
    private readonly options: BatchOptions,
  ) {}

  submit(item: I): Promise<R> {
    this.busyAt = Date.now();
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.options.max) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
    });
  }

  /** Items waiting and batches running. */
  get load(): { waiting: number; running: number } {
    return { waiting: this.waiting.length, running: this.running };
  }

  /** How long nothing has waited or run here (null while something does). */
  get calmMs(): number | null {
    return this.waiting.length > 0 || this.running > 0 ? null : Date.now() - this.busyAt;
  }

  /** Runs what waits now, up to `inFlight` batches; the rest goes when a batch finishes. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.waiting.length > 0 && this.running < this.options.inFlight) {
      const batch = this.waiting.splice(0, this.options.max);
      this.running += 1;
      void this.settle(batch).finally(() => {
        this.running -= 1;
        this.busyAt = Date.now();
        this.flush();
      });
    }
  }

  private async settle(batch: Waiting<I, R>[]): Promise<void> {
    let outcomes: PromiseSettledResult<R>[];
    try {
      outcomes = await this.run(batch.map((w) => w.item));
    } catch (error: unknown) {
      outcomes = batch.map(() => ({ status: 'rejected', reason: error }));
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome?.status === 'fulfilled') w.resolve(outcome.value);
      else w.reject(outcome?.reason ?? new Error('the batch answered no outcome'));
    });
  }
}

/** Runs at most `limit` of the given tasks at once; the others wait their turn. */
export class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.queue.shift()?.();
    }
  }
}

/**
 * Deadline jobs in batches: the jobs that arrive within a few milliseconds have their escalations opened
 * in one transaction (`SlaHandlers.escalate`; what follows them is queued as a `follow-up` job); when a
 * batch fails, its jobs run one by one, so only a failing job fails.
 */
@Injectable()
export class DeadlineBatcher implements OnModuleDestroy {
  private readonly logger = new Logger('DeadlineBatcher');
  private readonly batcher: MicroBatcher<DeadlinePayload, HandlerResult>;

  constructor(handlers: SlaHandlers) {
    this.batcher = new MicroBatcher(async (jobs) => {
      const started = performance.now();
      const outcomes = await handlers.escalateIsolated(jobs);
      // A burst shows in the log: how large its batches were, how long each took, how many still wait.
      if (jobs.length >= BURST_LOG_SIZE) {
        this.logger.log(
          `${jobs.length} deadlines in ${Math.round(performance.now() - started)} ms; ${this.batcher.load.waiting} waiting`,
        );
      }
      return outcomes;
    }, DEADLINE_BATCH);
  }

  deadline(job: DeadlinePayload): Promise<HandlerResult> {
    return this.batcher.submit(job);
  }

  /**
   * Resolves when no deadline waits or runs here, or after `maxMs` at the latest: work that can wait (the
   * escalations' follow-ups) gives way to escalations in a burst, and never waits longer than that.
   */
  idle(maxMs: number): Promise<void> {
    return this.calm(0, maxMs);
  }

  /**
   * Resolves once no deadline has waited or run here for `calmMs`, or after `maxMs` at the latest: for work
   * that can wait longer and weighs more than a follow-up (the report rollups' refresh), so that it runs
   * after a storm of deadlines, not in the gaps between its batches. Resolves at once when `stop` says so.
   */
  async calm(calmMs: number, maxMs: number, stop: () => boolean = () => false): Promise<void> {
    const until = Date.now() + maxMs;
    while (Date.now() < until && !stop()) {
      const calm = this.batcher.calmMs;
      if (calm !== null && calm >= calmMs) return;
      // Looks again every 10 ms while deadlines wait or run, else when it may be calm enough (at least every
      // 100 ms, to see `stop`).
      const wait = Math.min(calm === null ? 10 : Math.min(calmMs - calm, 100), until - Date.now());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  onModuleDestroy(): void {
    this.batcher.flush();
  }
}
