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
 * (one update of the row instead of two). `followUp: 'later'` leaves the new escalations waiting for their
 * follow-up (`SlaHandlers.followUp`); by default the caller does it in the same transaction.
 */
export async function openEscalations(
  manager: EntityManager,
  overdue: readonly Overdue[],
  level: EscalationLevel,
  now: Date,
  raisedByCaller: ReadonlySet<string> = new Set(),
  followUp: 'now' | 'later' = 'now',
): Promise<Set<string>> {
  const input = [...new Map(overdue.map((o) => [o.obligation.id, o])).values()].map(({ case: c, obligation }) => ({
    case_id: c.id,
    obligation_id: obligation.id,
    obligation: obligation.obligation,
    due_at: obligation.dueAt,
    bank_id: c.assignedBankId,
    chain_id: c.chainId,
    region_code: c.regionCode,
    raise: !raisedByCaller.has(c.id),
  }));
  if (input.length === 0) return new Set();
  return open(
    manager,
    `SELECT * FROM jsonb_to_recordset($4::jsonb) AS i(case_id uuid, obligation_id uuid, obligation text,
                                                     due_at timestamptz, bank_id uuid, chain_id uuid,
                                                     region_code text, raise boolean)`,
    [JSON.stringify(input)],
    level,
    now,
    followUp,
  );
}

/** Where a walk through the open obligations by deadline (and id) stands. */
export interface DuePosition {
  readonly dueAt: Date;
  readonly id: string;
}

/**
 * The level-1 escalations of the open obligations due after `after` and by `now` that have none yet, in
 * the order of their deadlines, but those in `busy` (which others are escalating), up to `limit`, without
 * reading them into the process: the candidates found (and added to `busy` at once), their cases locked
 * (by id, as everywhere), then in one statement the obligations locked and, for each still open of a
 * running case (not paused, closed or signed), the escalation opened, waiting for its follow-up. A missed
 * claim's case (not in the pool) keeps its level for its move to the next tier. Answers the obligations
 * escalated, the candidates and where the walk got to.
 */
export async function openEscalationsDue(
  manager: EntityManager,
  after: DuePosition,
  now: Date,
  busy: Set<string>,
  limit: number,
): Promise<{ escalated: string[]; candidates: string[]; last: DuePosition | null }> {
  const candidates = await manager.query<{ id: string; case_id: string; due_at: Date }[]>(
    `SELECT o.id, o.case_id, o.due_at FROM case_obligations o
      WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND o.due_at >= $1 AND o.due_at <= $3
        AND (o.due_at, o.id) > ($1, $2::uuid) AND o.id <> ALL($4::uuid[])
        AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 1)
      ORDER BY o.due_at, o.id LIMIT $5`,
    [after.dueAt, after.id, now, [...busy], limit],
  );
  for (const c of candidates) busy.add(c.id);
  const end = candidates[candidates.length - 1];
  const last = end === undefined ? null : { dueAt: end.due_at, id: end.id };
  if (candidates.length === 0) return { escalated: [], candidates: [], last };
  await manager.query(`SELECT id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
    [...new Set(candidates.map((c) => c.case_id))],
  ]);
  const escalated = await open(
    manager,
    `SELECT o.case_id, o.id AS obligation_id, o.obligation, o.due_at, c.assigned_bank_id AS bank_id, c.chain_id,
            c.region_code, NOT (o.obligation = 'claim' AND c.status = 'assigned'
                                AND c.routing_tier IS DISTINCT FROM 3) AS raise
       FROM (SELECT * FROM case_obligations WHERE id = ANY($4::uuid[]) AND met_at IS NULL AND cancelled_at IS NULL
              ORDER BY id FOR UPDATE) o
       JOIN cases c ON c.id = o.case_id
      WHERE c.paused_at IS NULL AND c.status NOT IN ('closed', 'loan_signed')`,
    [candidates.map((c) => c.id)],
    1,
    now,
    'later',
  );
  return { escalated: [...escalated], candidates: candidates.map((c) => c.id), last };
}

/**
 * One statement: the escalations of the `input` rows (case_id, obligation_id, obligation, due_at, bank_id,
 * chain_id, region_code, raise; its parameters from $4), and only for those that are new, the level of the
 * cases whose row says `raise` and the timeline events.
 */
async function open(
  manager: EntityManager,
  input: string,
  params: readonly unknown[],
  level: EscalationLevel,
  now: Date,
  followUp: 'now' | 'later',
): Promise<Set<string>> {
  const rows = await manager.query<{ obligation_id: string }[]>(
    `WITH input AS (${input})
     , opened AS (
       INSERT INTO escalations (case_id, obligation_id, obligation, level, status, opened_at, due_at, bank_id, chain_id,
                                region_code, followed_up_at)
       SELECT case_id, obligation_id, obligation, $1, 'open', $2, due_at, bank_id, chain_id, region_code,
              CASE WHEN $3 THEN NULL ELSE $2::timestamptz END
         FROM input
       ON CONFLICT (obligation_id, level) DO NOTHING RETURNING case_id, obligation_id)
     , raised AS (
       UPDATE cases SET escalation_level = GREATEST(escalation_level, $1)
        WHERE id IN (SELECT input.case_id FROM opened JOIN input ON input.obligation_id = opened.obligation_id
                      WHERE input.raise)
       RETURNING id)
     , event AS (
       INSERT INTO case_events (case_id, type, actor_user_id, at, data)
       SELECT opened.case_id, 'escalated', NULL, $2,
              jsonb_build_object('level', $1::int, 'obligation', input.obligation,
                                 'dueAt', to_char(input.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         FROM opened JOIN input ON input.obligation_id = opened.obligation_id RETURNING id)
     SELECT obligation_id FROM opened`,
    [level, now, followUp === 'later', ...params],
  );
  return new Set(rows.map((r) => r.obligation_id));
}
