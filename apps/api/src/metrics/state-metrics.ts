import { Logger } from '@nestjs/common';
import { OUTBOX_BACKLOG, UNRESOLVED_ESCALATIONS } from '@unblock/database';
import type { Clock } from '@unblock/domain';
import { QUEUE_HORIZON_MS } from '@unblock/queue';
import type { ReportRollups } from '@unblock/reports';
import type { Queue } from 'bullmq';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** How long one gauge's reading may take before the scrape goes on without it. */
const READ_TIMEOUT_MS = 2000;
/** The outbox backlog is counted up to this many rows (past it, "at least"). */
const BACKLOG_COUNT_CAP = 100_000;
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Where the state gauges read from. */
export interface StateSources {
  readonly dataSource: DataSource;
  readonly queues: readonly Queue[];
  readonly rollups: ReportRollups;
  /** The application's clock (the queue horizon is reckoned from it, as the relay does). */
  readonly clock: Clock;
}

/**
 * The gauges of the system's state, read at scrape time from Postgres and Redis: queue depths, the outbox
 * backlog and its oldest message's age, the escalations not yet resolved, the report rollups' staleness.
 * Each reading is one indexed query or one Redis round trip; one that fails or takes too long leaves its
 * gauge empty (zero when it has no labels) for this scrape and counts a failure, never failing the scrape.
 */
export function registerStateMetrics(registry: Registry, sources: StateSources): void {
  const logger = new Logger('Metrics');
  const failures = new Counter({
    name: 'unblock_metrics_read_failures_total',
    help: 'Readings of state gauges that failed or timed out at scrape time, by gauge.',
    labelNames: ['gauge'] as const,
    registers: [registry],
  });
  const reading = async (gauge: Gauge, name: string, read: () => Promise<void>): Promise<void> => {
    gauge.reset();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
        }),
      ]);
    } catch (error: unknown) {
      gauge.reset();
      failures.inc({ gauge: name });
      logger.warn(`reading ${name} for the metrics failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  };
  const outbox = sharedReading(async () => {
    const [row] = await sources.dataSource.query<{ backlog: number; oldest_age: number }[]>(OUTBOX_BACKLOG, [
      new Date(sources.clock.now().getTime() + QUEUE_HORIZON_MS),
      BACKLOG_COUNT_CAP,
    ]);
    return { backlog: row?.backlog ?? 0, oldestAge: row?.oldest_age ?? 0 };
  });
  const rollups = sharedReading(() => sources.rollups.freshness());

  registry.registerMetric(
    new Gauge({
      name: 'unblock_queue_jobs',
      help: 'Jobs in each queue by state (waiting, active, delayed, failed), read at scrape time.',
      labelNames: ['queue', 'state'] as const,
      registers: [],
      async collect() {
        await reading(this, 'unblock_queue_jobs', async () => {
          const counts = await Promise.all(sources.queues.map((queue) => queue.getJobCounts(...JOB_STATES)));
          sources.queues.forEach((queue, i) => {
            for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[i]?.[state] ?? 0);
          });
        });
      },
    }),
  );

  registry.registerMetric(
    new Gauge({
      name: 'unblock_outbox_backlog',
      help: `Outbox messages due within the queue horizon not yet relayed (counted up to ${BACKLOG_COUNT_CAP}).`,
      registers: [],
      async collect() {
        await reading(this, 'unblock_outbox_backlog', async () => this.set((await outbox()).backlog));
      },
    }),
  );
  registry.registerMetric(
    new Gauge({
      name: 'unblock_outbox_oldest_age_seconds',
      help: 'Seconds since the next outbox message to relay was written (0: none waiting).',
      registers: [],
      async collect() {
        await reading(this, 'unblock_outbox_oldest_age_seconds', async () => this.set((await outbox()).oldestAge));
      },
    }),
  );

  registry.registerMetric(
    new Gauge({
      name: 'unblock_escalations_open',
      help: 'Escalations not yet resolved, by level and status (open: not yet acknowledged; acknowledged).',
      labelNames: ['level', 'status'] as const,
      registers: [],
      async collect() {
        await reading(this, 'unblock_escalations_open', async () => {
          const rows =
            await sources.dataSource.query<{ level: number; status: string; n: number }[]>(UNRESOLVED_ESCALATIONS);
          for (const level of [1, 2]) {
            for (const status of ['open', 'acknowledged']) {
              const row = rows.find((r) => Number(r.level) === level && r.status === status);
              this.set({ level: String(level), status }, row?.n ?? 0);
            }
          }
        });
      },
    }),
  );

  registry.registerMetric(
    new Gauge({
      name: 'unblock_report_rollups_last_refresh_timestamp_seconds',
      help: 'When the report rollups were last refreshed (Unix time; 0: never).',
      registers: [],
      async collect() {
        await reading(this, 'unblock_report_rollups_last_refresh_timestamp_seconds', async () => {
          const { refreshedAt } = await rollups();
          if (refreshedAt !== null) this.set(refreshedAt.getTime() / 1000);
        });
      },
    }),
  );
  registry.registerMetric(
    new Gauge({
      name: 'unblock_report_rollups_staleness_seconds',
      help: 'How old the report rollups may be: seconds since the last refresh while a day is marked stale, else 0.',
      registers: [],
      async collect() {
        await reading(this, 'unblock_report_rollups_staleness_seconds', async () => {
          const { refreshedAt, stale } = await rollups();
          const since = refreshedAt === null ? Number.POSITIVE_INFINITY : (Date.now() - refreshedAt.getTime()) / 1000;
          this.set(stale ? Math.max(0, since) : 0);
        });
      },
    }),
  );
}

/**
 * A reading that gauges of one scrape share: a call while one is under way gets its answer (the registry
 * collects every gauge at once), so a query feeding two gauges runs once per scrape.
 */
function sharedReading<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= read().finally(() => {
      pending = null;
    });
    return pending;
  };
}
