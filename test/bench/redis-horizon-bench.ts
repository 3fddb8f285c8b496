import { DEFAULT_JOB_OPTIONS, JOB_NAMES, QUEUE_NAMES, jobIdOf, redisOptions } from '@unblock/queue';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Comparison } from './harness';
import type { SlaBenchWorld } from './sla-bench-world';

export interface RedisFigures {
  readonly usedMemory: number;
  readonly jobs: number;
  readonly delayed: number;
}

const MB = 1024 * 1024;

export async function redisFigures(url: string, prefix: string): Promise<RedisFigures> {
  const client = new Redis(url);
  const queues = [QUEUE_NAMES.sla, QUEUE_NAMES.notifications, QUEUE_NAMES.system].map(
    (name) => new Queue(name, { connection: redisOptions(url), prefix }),
  );
  try {
    const info = await client.info('memory');
    const usedMemory = Number(/used_memory:(\d+)/u.exec(info)?.[1] ?? NaN);
    let jobs = 0;
    let delayed = 0;
    for (const queue of queues) {
      const counts = await queue.getJobCounts();
      jobs += Object.values(counts).reduce((sum, n) => sum + n, 0);
      delayed += counts['delayed'] ?? 0;
    }
    return { usedMemory, jobs, delayed };
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    client.disconnect();
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits, for a worker just started on a fresh Redis, for the steady state: no unsent outbox row left within
 * the horizon, and a sweep finished after that (the first sweep on a fresh Redis puts every open obligation's
 * jobs within the horizon on the queue). Answers when the outbox was found drained.
 */
export async function untilSteadyState(world: SlaBenchWorld, slaQueue: Queue): Promise<number> {
  let drainedAt = 0;
  await waitFor(
    async () => {
      const unsent = await world.pool.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM outbox WHERE sent_at IS NULL AND run_at <= now() + interval '24 hours'`,
      );
      if (Number(unsent.rows[0]?.n) > 0) return false;
      drainedAt ||= Date.now();
      const completed = await slaQueue.getJobs(['completed'], 0, 500);
      return completed.some((j) => j.name === JOB_NAMES.sweep && (j.finishedOn ?? 0) > drainedAt);
    },
    15 * 60_000,
    'the relay to drain the horizon and a sweep to finish',
  );
  return drainedAt;
}

/**
 * "Redis holds only the deadlines due soon (the next 24 hours); the sweeper tops the horizon up from
 * Postgres." With the world's open cases seeded (their outbox rows within the horizon unsent) and a real
 * worker just started on a fresh Redis, waits for the steady state: no unsent outbox row left within the
 * horizon, and a sweep finished after that (the first sweep on a fresh Redis puts every open obligation's
 * jobs within the horizon on the queue). Then reads `used_memory` (INFO memory) and the jobs in Redis. The
 * baseline is bare BullMQ holding the same number of jobs (the same payloads and ids, added raw under
 * another prefix of the same Redis): the memory those jobs need at least. The rates are the jobs per second
 * to fill Redis (relay and sweeper from Postgres, from the first of either to the last) against raw addBulk.
 */
export async function benchRedisHorizon(
  world: SlaBenchWorld,
  redis: { url: string; prefix: string; emptyMemory: number },
  openCases: number,
  log: (line: string) => void,
): Promise<Comparison> {
  const slaQueue = new Queue(QUEUE_NAMES.sla, { connection: redisOptions(redis.url), prefix: redis.prefix });
  try {
    const drainedAt = await untilSteadyState(world, slaQueue);
    const firstSent = await world.pool.query<{ at: Date | null }>(`SELECT min(sent_at) AS at FROM outbox`);
    const sweeps = (await slaQueue.getJobs(['completed'], 0, 500)).filter((j) => j.name === JOB_NAMES.sweep);
    const firstSweep = sweeps.reduce<(typeof sweeps)[number] | undefined>(
      (first, j) => (first === undefined || (j.processedOn ?? 0) < (first.processedOn ?? 0) ? j : first),
      undefined,
    );
    const began = Math.min(firstSent.rows[0]?.at?.getTime() ?? Infinity, firstSweep?.processedOn ?? Infinity);
    const filledSeconds = (Math.max(drainedAt, firstSweep?.finishedOn ?? 0) - Math.min(began, drainedAt)) / 1000;
    const system = await redisFigures(redis.url, redis.prefix);
    const outbox = await world.pool.query<{ total: string; unsent: string }>(
      `SELECT count(*)::text AS total, count(*) FILTER (WHERE sent_at IS NULL)::text AS unsent FROM outbox`,
    );
    log(
      `  steady state: ${system.jobs} jobs in Redis (${system.delayed} delayed), used_memory ${(system.usedMemory / MB).toFixed(1)} MB, ` +
        `${outbox.rows[0]?.unsent} of ${outbox.rows[0]?.total} outbox rows beyond the horizon`,
    );

    // Baseline: the same number of jobs, raw.
    const rawPrefix = `${redis.prefix}_raw`;
    const raw = new Queue(QUEUE_NAMES.sla, {
      connection: redisOptions(redis.url),
      prefix: rawPrefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    let baselineMemory = 0;
    let rawSeconds = 0;
    try {
      const before = (await redisFigures(redis.url, rawPrefix)).usedMemory;
      const started = performance.now();
      const dueAt = new Date(Date.now() + 12 * 3600_000).toISOString();
      for (let i = 0; i < system.jobs; i += 1000) {
        await raw.addBulk(
          Array.from({ length: Math.min(1000, system.jobs - i) }, () => {
            const obligationId = randomUUID();
            return {
              name: JOB_NAMES.deadline,
              data: { obligationId, obligation: 'claim', dueAt },
              opts: { jobId: jobIdOf(JOB_NAMES.deadline, { obligationId, dueAt }), delay: 12 * 3600_000 },
            };
          }),
        );
      }
      rawSeconds = (performance.now() - started) / 1000;
      baselineMemory = redis.emptyMemory + ((await redisFigures(redis.url, rawPrefix)).usedMemory - before);
      await raw.obliterate({ force: true });
    } finally {
      await raw.close();
    }
    return {
      scenario: `Redis at steady state, ${openCases} open cases`,
      subject: 'relay + sweeper, 24 h horizon (jobs/s to fill)',
      baseline: 'raw BullMQ, same number of jobs',
      rounds: 1,
      subjectRates: [Math.round(system.jobs / Math.max(0.001, filledSeconds))],
      baselineRates: [Math.round(system.jobs / Math.max(0.001, rawSeconds))],
      ratios: [Math.round((rawSeconds / Math.max(0.001, filledSeconds)) * 1000) / 1000],
      medianRatio: Math.round((rawSeconds / Math.max(0.001, filledSeconds)) * 1000) / 1000,
      target: 'used_memory < 200 MB',
      extra: {
        'used_memory MB': Math.round((system.usedMemory / MB) * 10) / 10,
        'baseline used_memory MB': Math.round((baselineMemory / MB) * 10) / 10,
        'jobs in Redis': system.jobs,
        delayed: system.delayed,
        'outbox beyond horizon': Number(outbox.rows[0]?.unsent ?? 0),
        'under 200 MB': system.usedMemory < 200 * MB ? 'yes' : 'NO',
      },
    };
  } finally {
    await slaQueue.close();
  }
}
