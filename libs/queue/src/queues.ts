/**
 * Every queue, job name and payload type, in one file. Payloads carry ids, never entities. Job ids are
 * deterministic (BullMQ forbids ':' in custom ids, so the parts are joined with '.').
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
  /** An obligation's deadline: escalate to level 1 if still open (and move a missed claim on). */
  deadline: 'deadline',
  /** One business day before a deadline: remind whoever holds the case. */
  reminder: 'reminder',
  /** Still open some business days after the deadline: escalate to level 2. */
  levelTwo: 'level-two',
  /** After deadlines' escalations: the notices, a pool's level 2, a missed claim's move to the next tier. */
  followUp: 'follow-up',
  /** Every minute: re-create lost jobs, open missed escalations. */
  sweep: 'sweep',
  /** Every morning: each manager's and supervisor's overdue cases. */
  digest: 'digest',
  /** Deliver one webhook notification. */
  webhook: 'webhook',
  /** Run (or resume) one run of a bulk import. */
  importRun: 'import-run',
} as const;
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export interface DeadlinePayload {
  readonly obligationId: string;
  readonly dueAt: string;
}

/** The obligations whose deadlines' escalations a follow-up settles. */
export interface FollowUpPayload {
  readonly obligationIds: readonly string[];
}

export interface JobPayloads {
  heartbeat: { readonly requestedAt: string };
  deadline: DeadlinePayload;
  reminder: DeadlinePayload;
  'level-two': DeadlinePayload;
  'follow-up': FollowUpPayload;
  sweep: Record<string, never>;
  digest: Record<string, never>;
  webhook: { readonly deliveryId: string };
  'import-run': { readonly importId: string; readonly run: number };
}

export interface JobResults {
  heartbeat: { readonly processedAt: string; readonly requestedAt: string };
}

/** What a handler did: its work, or why it had nothing to do (the job was stale). */
export type HandlerResult = { readonly done: string } | { readonly skipped: string };

/** Which queue each job runs on. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  heartbeat: QUEUE_NAMES.system,
  deadline: QUEUE_NAMES.sla,
  reminder: QUEUE_NAMES.sla,
  'level-two': QUEUE_NAMES.sla,
  'follow-up': QUEUE_NAMES.sla,
  sweep: QUEUE_NAMES.sla,
  digest: QUEUE_NAMES.notifications,
  webhook: QUEUE_NAMES.notifications,
  'import-run': QUEUE_NAMES.imports,
};

/** Outbox message types and the job each becomes. */
export const OUTBOX_JOBS: Record<string, JobName> = {
  'sla.deadline': JOB_NAMES.deadline,
  'sla.reminder': JOB_NAMES.reminder,
  'sla.level_two': JOB_NAMES.levelTwo,
  'sla.follow_up': JOB_NAMES.followUp,
  'notifications.webhook': JOB_NAMES.webhook,
  'imports.run': JOB_NAMES.importRun,
};

/**
 * Redis holds only the jobs due within this horizon. A transition writes the outbox messages of what falls
 * due within it; the sweeper tops the horizon up from Postgres (the open obligations' deadlines and
 * reminders) as it moves on.
 */
export const QUEUE_HORIZON_MS = 24 * 3600_000;

/** The deterministic id of a job: the same work always has the same id. */
export function jobId(name: JobName, ...parts: (string | number)[]): string {
  return [name, ...parts].join('.');
}

/** Fixed keys of the job schedulers (`upsertJobScheduler`), so a restart never adds a second one. */
export const SCHEDULER_KEYS = {
  heartbeat: 'heartbeat',
  sweep: 'sla-sweep',
  digest: 'morning-digest',
} as const;

/** Attempts, backoff and retention, set in one place for every queue. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;
