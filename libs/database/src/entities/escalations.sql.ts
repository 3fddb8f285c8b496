import { insertCaseEventsFrom } from './case-events.sql';

/**
 * The columns of the escalations to open, as `input` (an SQL relation) gives them: case_id, obligation_id,
 * obligation, due_at, bank_id, chain_id, region_code, and `raise` (whether the case takes the level now).
 */
export const ESCALATION_INPUT_COLUMNS = `case_id uuid, obligation_id uuid, obligation text, due_at timestamptz,
  bank_id uuid, chain_id uuid, region_code text, raise boolean`;

/**
 * One statement: the escalations of the `input` rows at level $1, opened at $2, waiting for their follow-up
 * when $3 is true (else followed up at once); only for those that are new (one per obligation and level),
 * the level of the cases whose row says `raise`, and their timeline events. Answers the obligations whose
 * escalation is new. `input`'s own parameters start at $4.
 */
export function openEscalationsSql(input: string): string {
  return `WITH input AS (${input})
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
     , event AS (${insertCaseEventsFrom(`(
         SELECT opened.case_id, 'escalated' AS type, NULL::uuid AS actor_user_id, $2::timestamptz AS at,
                jsonb_build_object('level', $1::int, 'obligation', input.obligation,
                                   'dueAt', to_char(input.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS data
           FROM opened JOIN input ON input.obligation_id = opened.obligation_id) AS rows`)} RETURNING id)
     SELECT obligation_id FROM opened`;
}

/**
 * The level-1 escalations ($1: obligations) of the cases ($1's cases) that do not move on: a case not in
 * $2 with an escalation still open takes at least level 1 (a missed claim whose move was overtaken).
 */
export const RAISE_ESCALATED_CASES = `UPDATE cases c SET escalation_level = GREATEST(c.escalation_level, 1)
  WHERE c.id = ANY($1::uuid[]) AND c.id <> ALL($2::uuid[]) AND c.escalation_level < 1
    AND EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = c.id AND e.status <> 'resolved')`;

/** The obligations among $1 whose level-1 escalation is open already. */
export const ESCALATED_AT_LEVEL_ONE = `SELECT obligation_id FROM escalations WHERE obligation_id = ANY($1::uuid[]) AND level = 1`;

/** The obligations among $1 whose level-1 escalation waits for its follow-up. */
export const WAITING_FOR_FOLLOW_UP = `SELECT obligation_id FROM escalations
  WHERE obligation_id = ANY($1::uuid[]) AND level = 1 AND followed_up_at IS NULL`;

/** The same escalations, locked (after their cases and obligations, as everywhere), with their deadlines. */
export const LOCK_WAITING_FOR_FOLLOW_UP = `SELECT id, obligation_id, due_at FROM escalations
  WHERE obligation_id = ANY($1::uuid[]) AND level = 1 AND followed_up_at IS NULL
  ORDER BY id FOR UPDATE`;

/** Marks escalations ($1) followed up at $2. */
export const MARK_FOLLOWED_UP = `UPDATE escalations SET followed_up_at = $2 WHERE id = ANY($1::uuid[])`;

/** The obligations of up to $2 escalations waiting for their follow-up since before $1, oldest first. */
export const LONG_WAITING_FOR_FOLLOW_UP = `SELECT obligation_id FROM escalations
  WHERE followed_up_at IS NULL AND opened_at < $1 ORDER BY opened_at LIMIT $2`;

/** The escalations not yet resolved, counted by level and status (the index on status and opened_at). */
export const UNRESOLVED_ESCALATIONS = `SELECT level, status, count(*)::int AS n FROM escalations
  WHERE status IN ('open', 'acknowledged') GROUP BY level, status`;
