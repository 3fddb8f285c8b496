import autocannon from 'autocannon';
import type { Sample } from './harness';

/** Connections of the HTTP scenarios, and the requests each claim race sends at once. */
export const CONCURRENCY = 50;

/**
 * autocannon notices that `amount` requests are done only at its next sample tick (every `sampleInt` ms,
 * 1,000 by default), so its duration, and any rate made of it, is rounded up to the tick: 3,000 visits
 * done in 1.2 s read as 2 s. A 10 ms tick keeps that error within 1 %.
 */
const SAMPLE_MS = 10;

export async function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ sampleInt: SAMPLE_MS, ...options }, (error: unknown, result) =>
      error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(result),
    );
  });
}

/** The rate and p99 of an autocannon run; throws unless exactly `expected` requests answered 2xx. */
export function fromCannon(result: autocannon.Result, expected: number): Sample & { p99: number } {
  const ok = result['2xx'];
  if (ok !== expected)
    throw new Error(`expected ${expected} 2xx answers, got ${ok} (non-2xx ${result.non2xx}, errors ${result.errors})`);
  const seconds = result.duration;
  return { rate: ok / seconds, p99: result.latency.p99 };
}
