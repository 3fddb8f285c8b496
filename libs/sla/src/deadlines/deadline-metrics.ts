import { Histogram } from 'prom-client';

/**
 * Seconds from an obligation's deadline to its level-1 escalation's commit, observed once the transaction
 * that opened it has committed (by a deadline's job, a batch's walk alongside, or the sweeper). Registered
 * by the process that exposes it (the worker's metrics), in no registry by default.
 */
export const DEADLINE_LAG = new Histogram({
  name: 'unblock_deadline_lag_seconds',
  help: 'Seconds from a deadline to the commit of its level-1 escalation.',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
  registers: [],
});

/** Observes the lag of the escalations of these deadlines, committed at `now`. */
export function observeDeadlineLag(dueAts: readonly Date[], now: Date): void {
  for (const dueAt of dueAts) DEADLINE_LAG.observe(Math.max(0, (now.getTime() - dueAt.getTime()) / 1000));
}
