import type { CaseEntity, CaseObligationEntity } from '@unblock/database';
import type { EscalationLevel } from '@unblock/domain';
import type { EntityManager } from 'typeorm';

/** An overdue obligation of a case. */
export interface Overdue {
  readonly case: CaseEntity;
  readonly obligation: CaseObligationEntity;
}

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
  return (await openEscalations(manager, [{ case: c, obligation }], level, now)).has(obligation.id);
}

/**
 * `openEscalation` for many obligations in one statement; answers the obligations whose escalation is new.
 * The cases named in `raisedByCaller` keep their level: the caller raises it in its own update of the case
 * (one update of the row instead of two).
 */
export async function openEscalations(
  manager: EntityManager,
  overdue: readonly Overdue[],
  level: EscalationLevel,
  now: Date,
  raisedByCaller: ReadonlySet<string> = new Set(),
): Promise<Set<string>> {
  const input = [...new Map(overdue.map((o) => [o.obligation.id, o])).values()].map(({ case: c, obligation }) => ({
    case_id: c.id,
    obligation_id: obligation.id,
    obligation: obligation.obligation,
    due_at: obligation.dueAt,
    bank_id: c.assignedBankId,
    chain_id: c.chainId,
    region_code: c.regionCode,
    data: { level, obligation: obligation.obligation, dueAt: obligation.dueAt.toISOString() },
  }));
  if (input.length === 0) return new Set();
  // One statement: the escalations, and only for those that are new, the cases' level and the timeline events.
  const rows = await manager.query<{ obligation_id: string }[]>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(case_id uuid, obligation_id uuid, obligation text,
                                                        due_at timestamptz, bank_id uuid, chain_id uuid,
                                                        region_code text, data jsonb))
     , opened AS (
       INSERT INTO escalations (case_id, obligation_id, obligation, level, status, opened_at, due_at, bank_id, chain_id, region_code)
       SELECT case_id, obligation_id, obligation, $2, 'open', $3, due_at, bank_id, chain_id, region_code FROM input
       ON CONFLICT (obligation_id, level) DO NOTHING RETURNING case_id, obligation_id)
     , raised AS (
       UPDATE cases SET escalation_level = GREATEST(escalation_level, $2)
        WHERE id IN (SELECT case_id FROM opened) AND id <> ALL($4::uuid[])
       RETURNING id)
     , event AS (
       INSERT INTO case_events (case_id, type, actor_user_id, at, data)
       SELECT opened.case_id, 'escalated', NULL, $3, input.data
         FROM opened JOIN input ON input.obligation_id = opened.obligation_id RETURNING id)
     SELECT obligation_id FROM opened`,
    [JSON.stringify(input), level, now, [...raisedByCaller]],
  );
  return new Set(rows.map((r) => r.obligation_id));
}
