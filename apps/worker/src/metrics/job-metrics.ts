import { Histogram } from 'prom-client';

/**
 * Seconds each job took from the moment this worker took it to its result, by queue, job name and outcome
 * (`done`, `skipped`, `failed`). A deadline's time includes its wait for its batch.
 */
export const JOB_DURATION = new Histogram({
  name: 'unblock_job_duration_seconds',
  help: 'Seconds from a job taken by the worker to its result, by queue, job name and outcome.',
  labelNames: ['queue', 'name', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [],
});

/** Observes the duration of `work`, the job `name` of `queue`, as it settles; answers its result. */
export async function timeJob<T>(queue: string, name: string, work: Promise<T>): Promise<T> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  try {
    const result = await work;
    const skipped = typeof result === 'object' && result !== null && 'skipped' in result;
    JOB_DURATION.observe({ queue, name, outcome: skipped ? 'skipped' : 'done' }, seconds());
    return result;
  } catch (error: unknown) {
    JOB_DURATION.observe({ queue, name, outcome: 'failed' }, seconds());
    throw error;
  }
}
