/**
 * Every queue, job name and payload type, in one file. Payloads carry ids, never entities.
 */
export const QUEUE_NAMES = {
  sla: 'sla',
  notifications: 'notifications',
  imports: 'imports',
  reports: 'reports',
  /** Housekeeping: the heartbeat that proves the worker's wiring. */
  system: 'system',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const JOB_NAMES = {
  heartbeat: 'heartbeat',
} as const;
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export interface JobPayloads {
  heartbeat: { readonly requestedAt: string };
}

export interface JobResults {
  heartbeat: { readonly processedAt: string; readonly requestedAt: string };
}

/** Which queue each job runs on. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  heartbeat: QUEUE_NAMES.system,
};

/** Fixed keys of the job schedulers (`upsertJobScheduler`), so a restart never adds a second one. */
export const SCHEDULER_KEYS = {
  heartbeat: 'heartbeat',
} as const;

/** Attempts, backoff and retention, set in one place for every queue. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;
