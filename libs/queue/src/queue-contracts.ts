import type { Job } from 'bullmq';

/**
 * Every queue, job name and payload type. Payloads carry ids, never entities. A job's id is built by
 * `jobIdOf` (job-id.ts) from its name and payload alone, so the same work always has the same id.
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
  /** An obligation's deadline: escalate to level 1 if still open (its follow-up moves a missed claim on). */
  deadline: 'deadline',
  /** One business day before a deadline: remind whoever holds the case. */
  reminder: 'reminder',
  /** Still open some business days after the deadline: escalate to level 2. */
  levelTwo: 'level-two',
  /** After deadlines' escalations: the notices, a pool's level 2, a missed claim's move to the next tier. */
  followUp: 'follow-up',
  /** Every sweep interval: re-create lost jobs, open missed escalations. */
  sweep: 'sweep',
  /** Every morning: each manager's and supervisor's overdue cases. */
  digest: 'digest',
  /** Every morning: remind the banks of the contracts 30, 15 and 5 business days before they mature. */
  maturityReminders: 'maturity-reminders',
  /** Deliver one webhook notification. */
  webhook: 'webhook',
  /** Run (or resume) one run of a bulk import. */
  importRun: 'import-run',
  /** Every morning (and at the worker's start): the daily bulletin (日通报) of each supervisor's region. */
  bulletins: 'bulletins',
} as const;
export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

/** An obligation's deadline as a job sees it: the obligation and the deadline the job was made for. */
export interface DeadlinePayload {
  readonly obligationId: string;
  readonly dueAt: string;
  /** The obligation's kind, for whoever reads the queue. */
  readonly obligation?: string | undefined;
}

/** The escalations (by obligation) whose follow-up one job does; `batchId` names the batch that opened them. */
export interface FollowUpPayload {
  readonly batchId: string;
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
  'maturity-reminders': Record<string, never>;
  webhook: { readonly deliveryId: string };
  'import-run': { readonly importId: string; readonly run: number };
  /** Scheduled: none; the catch-up at the worker's start names its morning (`on`, YYYY-MM-DD) for its job id. */
  bulletins: { readonly on?: string };
}

/** What the heartbeat answers: when it was asked for, and when a worker took it. */
export interface HeartbeatResult {
  readonly requestedAt: string;
  readonly processedAt: string;
}

/** What a job of one name answers: the heartbeat its times, every other job a `HandlerResult`. */
export type JobResult<N extends JobName> = N extends 'heartbeat' ? HeartbeatResult : HandlerResult;

/** A job of one name, its payload typed. */
export type JobOf<N extends JobName> = Job<JobPayloads[N], JobResult<N>, N>;

/** Whether a job read from a queue is of the given name (its payload then has that name's type). */
export function isJobNamed<N extends JobName>(job: Job, name: N): job is JobOf<N> {
  return job.name === name;
}

/** What a handler did: its work, or why it had nothing to do (the job was stale). */
export type HandlerResult = { readonly done: string } | { readonly skipped: string };

/** Which queue each job runs on. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  heartbeat: QUEUE_NAMES.system,
  deadline: QUEUE_NAMES.sla,
  reminder: QUEUE_NAMES.sla,
  'level-two': QUEUE_NAMES.sla,
  'follow-up': QUEUE_NAMES.sla,
  sweep: QUEUE_NAMES.sla,
  digest: QUEUE_NAMES.notifications,
  'maturity-reminders': QUEUE_NAMES.notifications,
  webhook: QUEUE_NAMES.notifications,
  'import-run': QUEUE_NAMES.imports,
  bulletins: QUEUE_NAMES.reports,
};

/**
 * Redis holds only the jobs due within this horizon. A transition writes the outbox messages of what falls
 * due within it; the sweeper tops the horizon up from Postgres (the open obligations' deadlines and
 * reminders) as it moves on.
 */
export const QUEUE_HORIZON_MS = 24 * 3600_000;

/** Fixed keys of the job schedulers (`upsertJobScheduler`), so a restart never adds a second one. */
export const SCHEDULER_KEYS = {
  heartbeat: 'heartbeat',
  sweep: 'sla-sweep',
  digest: 'morning-digest',
  bulletins: 'morning-bulletins',
  maturityReminders: 'maturity-reminders',
} as const;

/** Attempts, backoff and retention, set in one place for every queue. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;
