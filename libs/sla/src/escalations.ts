import { CaseEventEntity, type CaseEntity, type CaseObligationEntity } from '@unblock/database';
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
  const rows = await manager.query<unknown[]>(
    `INSERT INTO escalations (case_id, obligation_id, obligation, level, status, opened_at, due_at, bank_id, chain_id, region_code)
     VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9)
     ON CONFLICT (obligation_id, level) DO NOTHING RETURNING id`,
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
    ],
  );
  if (rows.length === 0) return false;
  await manager.query(`UPDATE cases SET escalation_level = GREATEST(escalation_level, $2) WHERE id = $1`, [
    c.id,
    level,
  ]);
  await manager.save(
    manager.create(CaseEventEntity, {
      caseId: c.id,
      type: 'escalated',
      actorUserId: null,
      at: now,
      data: { level, obligation: obligation.obligation, dueAt: obligation.dueAt.toISOString() },
    }),
  );
  return true;
}
