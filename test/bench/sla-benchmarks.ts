import { QUEUE_NAMES, redisOptions } from '@unblock/queue';
import { Queue } from 'bullmq';
import { OwnRedis } from '../support/redis-server';
import { benchDeadlines, type DeadlineBenchSize } from './deadline-bench';
import type { Comparison } from './harness';
import { redisFigures, benchRedisHorizon, untilSteadyState } from './redis-horizon-bench';
import {
  seedSpread,
  startBenchWorker,
  startSlaBenchWorld,
  stopBenchWorker,
  stopSlaBenchWorld,
} from './sla-bench-world';

export interface SlaBenchSize {
  /** Open cases in Postgres, their claim deadlines spread over the next 30 days (none in the first 2 hours). */
  readonly openCases: number;
  readonly deadlines: DeadlineBenchSize;
  /** The worker's SWEEP_INTERVAL_MS. */
  readonly sweepIntervalMs: number;
}

export const SLA_SIZES: Record<'tiny' | 'full', SlaBenchSize> = {
  tiny: {
    openCases: 2000,
    sweepIntervalMs: 1000,
    deadlines: { spread: 100, windowMs: 1000, burst: 50, leadMs: 2500, graceMs: 20_000 },
  },
  full: {
    openCases: 1_000_000,
    sweepIntervalMs: 60_000,
    deadlines: { spread: 20_000, windowMs: 20_000, burst: 10_000, leadMs: 20_000, graceMs: 300_000 },
  },
};

/**
 * The SLA benchmarks on one database and one fresh redis-server of their own: seeds the open cases, starts
 * one real worker process, measures Redis at steady state, then the deadline lag against bare BullMQ.
 */
export async function runSlaBenchmarks(
  size: SlaBenchSize,
  rounds: number,
  log: (line: string) => void,
  only?: 'deadlines',
): Promise<Comparison[]> {
  const world = await startSlaBenchWorld();
  const redis = await OwnRedis.start();
  const results: Comparison[] = [];
  try {
    log(`SLA: seeding ${size.openCases} open cases, deadlines over the next 30 days`);
    const from = new Date(Date.now() + 2 * 3600_000);
    await seedSpread(world, 'H', size.openCases, from, 30 * 24 * 3600_000 - 2 * 3600_000, log);
    const emptyMemory = (await redisFigures(redis.url, 'none')).usedMemory;
    log('SLA: worker on a fresh Redis, to steady state');
    const { prefix, worker } = await startBenchWorker(world, redis.url, {
      SWEEP_INTERVAL_MS: String(size.sweepIntervalMs),
    });
    try {
      if (only !== 'deadlines') {
        results.push(await benchRedisHorizon(world, { url: redis.url, prefix, emptyMemory }, size.openCases, log));
      } else {
        // As after the Redis scenario: the deadlines are timed at the steady state, not while the worker's
        // first sweep fills a fresh Redis with the horizon of every open case.
        const slaQueue = new Queue(QUEUE_NAMES.sla, { connection: redisOptions(redis.url), prefix });
        try {
          await untilSteadyState(world, slaQueue);
        } finally {
          await slaQueue.close();
        }
      }
      log('SLA: deadline → escalation committed vs bare BullMQ delayed jobs');
      results.push(await benchDeadlines(world, redis.url, size.deadlines, rounds, log));
    } finally {
      await stopBenchWorker(worker);
    }
  } finally {
    await redis.stop();
    await stopSlaBenchWorld(world);
  }
  return results;
}
