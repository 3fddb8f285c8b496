import type { CaseEntity, CaseObligationEntity } from '@unblock/database';
import type { EscalationLevel } from '@unblock/domain';
import type { EntityManager } from 'typeorm';

/**
 * Opens the escalation of an overdue obligation at a level, once: a second call (a retried job, the
 * sweeper) finds it there and does nothing. Raises the case's escalation level and records it on the timeline.
 */
export async function openEscalation(
  manager: EntityManager,
  c: CaseEntity,
  obligation: CaseObligationEntity,
  level: EscalationLevel,
  now: Date,
): Promise<boolean> {
  // One statement: the escalation, and only when it is new, the case's level and the timeline event.
  const rows = await manager.query<unknown[]>(
    `WITH opened AS (
       INSERT INTO escalations (case_id, obligation_id, obligation, level, status, opened_at, due_at, bank_id, chain_id, region_code)
       VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9)
       ON CONFLICT (obligation_id, level) DO NOTHING RETURNING id)
     , raised AS (
       UPDATE cases SET escalation_level = GREATEST(escalation_level, $4) WHERE id = $1 AND EXISTS (SELECT 1 FROM opened)
       RETURNING id)
     , event AS (
       INSERT INTO case_events (case_id, type, actor_user_id, at, data)
       SELECT $1, 'escalated', NULL, $5, $10::jsonb FROM opened RETURNING id)
     SELECT id FROM opened`,
    [
      c.id,
      obligation.id,
      obligation.obligation,
      level,
      now,
      obligation.dueAt,
      c.assignedBankId,
      c.chainId,
      c.regionCode,
      JSON.stringify({ level, obligation: obligation.obligation, dueAt: obligation.dueAt.toISOString() }),
    ],
  );
  return rows.length > 0;
}
