import { insertOutboxFrom, outboxRowsFromJson } from '@unblock/database';
import type { EntityManager } from 'typeorm';
import { JOB_NAMES, type JobName, type JobPayloads } from './queue-contracts';

/** Every outbox message type, and the job each becomes. No other place spells these strings. */
export const OUTBOX_TYPES = {
  deadline: 'sla.deadline',
  reminder: 'sla.reminder',
  levelTwo: 'sla.level_two',
  followUp: 'sla.follow_up',
  webhook: 'notifications.webhook',
  importRun: 'imports.run',
} as const;
export type OutboxType = (typeof OUTBOX_TYPES)[keyof typeof OUTBOX_TYPES];

export const OUTBOX_JOBS = {
  'sla.deadline': JOB_NAMES.deadline,
  'sla.reminder': JOB_NAMES.reminder,
  'sla.level_two': JOB_NAMES.levelTwo,
  'sla.follow_up': JOB_NAMES.followUp,
  'notifications.webhook': JOB_NAMES.webhook,
  'imports.run': JOB_NAMES.importRun,
} as const satisfies Record<OutboxType, JobName>;

/** The payload of a message: its job's. */
export type OutboxPayload<T extends OutboxType> = JobPayloads[(typeof OUTBOX_JOBS)[T]];

/** A message to relay after commit: its job's payload, when it is due, and the case it belongs to (if any). */
export interface OutboxMessage<T extends OutboxType = OutboxType> {
  readonly type: T;
  readonly caseId: string | null;
  readonly runAt: Date;
  readonly payload: OutboxPayload<T>;
}

export function outboxMessage<T extends OutboxType>(
  type: T,
  payload: OutboxPayload<T>,
  runAt: Date,
  caseId: string | null = null,
): OutboxMessage<T> {
  return { type, caseId, runAt, payload };
}

export function isOutboxType(type: string): type is OutboxType {
  return Object.hasOwn(OUTBOX_JOBS, type);
}

/** Writes messages in the caller's transaction, in one statement. */
export async function insertOutbox(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await manager.query(insertOutboxFrom(outboxRowsFromJson('$1')), [
    JSON.stringify(messages.map((m) => ({ type: m.type, case_id: m.caseId, run_at: m.runAt, payload: m.payload }))),
  ]);
}
