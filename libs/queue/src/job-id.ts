import type { JobName, JobPayloads } from './queue-contracts';

/** BullMQ forbids ':' in custom job ids, so the parts are joined with '.'. */
function joined(name: JobName, ...parts: (string | number)[]): string {
  return [name, ...parts].join('.');
}

/**
 * The deterministic id of a job, from its name and payload: the same work always has the same id, so a job
 * added again (by the relay after a crash, by the sweeper after Redis lost it) is the one already there.
 * The scheduled jobs (heartbeat, sweep, digest, bulletins, maturity reminders) have scheduler keys instead
 * (`SCHEDULER_KEYS`); a bulletins job added at the worker's start is named by its morning.
 */
export function jobIdOf<N extends Exclude<JobName, 'heartbeat' | 'sweep' | 'digest' | 'maturity-reminders'>>(
  name: N,
  payload: JobPayloads[N],
): string;
export function jobIdOf(name: JobName, payload: JobPayloads[JobName]): string {
  if ('obligationId' in payload) return joined(name, payload.obligationId, Date.parse(payload.dueAt));
  if ('batchId' in payload) return joined(name, payload.batchId);
  if ('deliveryId' in payload) return joined(name, payload.deliveryId);
  if ('importId' in payload) return joined(name, payload.importId, payload.run);
  if ('on' in payload && payload.on !== undefined) return joined(name, payload.on);
  throw new Error(`a ${name} job has a scheduler key, not a job id`);
}
