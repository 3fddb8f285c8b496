/**
 * The SLA clock's reads of open obligations. Their writes are transitions' (`caseWriteStatement`).
 * "Open": neither met nor cancelled.
 */

/** Locks the cases of the obligations $1, by id (the one order in which every writer locks cases). */
export const LOCK_CASES_OF_OBLIGATIONS = `SELECT c.* FROM cases c
  WHERE c.id IN (SELECT o.case_id FROM case_obligations o WHERE o.id = ANY($1::uuid[]))
  ORDER BY c.id FOR UPDATE`;

/** Locks the obligations $1, by id (after their cases). */
export const LOCK_OBLIGATIONS = `SELECT o.* FROM case_obligations o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id FOR UPDATE`;

/**
 * Locks those of the cases $1 that no one else holds, by id, and answers them. A transaction that already
 * holds other cases takes more this way: waiting for them could cross another's order (a deadlock).
 */
export const LOCK_FREE_CASES = `SELECT id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE SKIP LOCKED`;

/**
 * Up to $5 open obligations due after ($1, $2) (deadline, id) and by $3, in that order, without a level-1
 * escalation, but those in $4 (others are escalating them).
 */
export const DUE_WITHOUT_ESCALATION = `SELECT o.id, o.case_id, o.due_at FROM case_obligations o
  WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND o.due_at >= $1 AND o.due_at <= $3
    AND (o.due_at, o.id) > ($1, $2::uuid) AND o.id <> ALL($4::uuid[])
    AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 1)
  ORDER BY o.due_at, o.id LIMIT $5`;

/**
 * The level-1 escalations to open for the obligations $4 (locked here, after their cases), each still open
 * on a running case (not paused, closed or signed): an `openEscalationsSql` input. A missed claim's case
 * that moves to the next tier (not in the pool) keeps its level for its move.
 */
export const DUE_ESCALATION_INPUT = `SELECT o.case_id, o.id AS obligation_id, o.obligation, o.due_at,
    c.assigned_bank_id AS bank_id, c.chain_id, c.region_code,
    NOT (o.obligation = 'claim' AND c.status = 'assigned' AND c.routing_tier IS DISTINCT FROM 3) AS raise
  FROM (SELECT * FROM case_obligations WHERE id = ANY($4::uuid[]) AND met_at IS NULL AND cancelled_at IS NULL
         ORDER BY id FOR UPDATE) o
  JOIN cases c ON c.id = o.case_id
  WHERE c.paused_at IS NULL AND c.status NOT IN ('closed', 'loan_signed', 'screened_out')`;

/**
 * A page of open obligations whose `column` (due_at or remind_at) falls after $1 and by $2, after ($3, $4)
 * in (column, id) order, $5 at most: the jobs the sweeper puts on the queue as the horizon reaches them.
 */
export function obligationsFallingDueSql(column: 'due_at' | 'remind_at'): string {
  return `SELECT id, ${column} AS at, due_at FROM case_obligations
    WHERE met_at IS NULL AND cancelled_at IS NULL AND ${column} > $1 AND ${column} <= $2
      AND (${column}, id) > ($3::timestamptz, $4::uuid)
    ORDER BY ${column}, id LIMIT $5`;
}

/**
 * Up to $2 open obligations of running cases past their deadline by $1 with no level-1 escalation: the
 * deadlines the queues missed.
 */
export const MISSED_DEADLINES = `SELECT o.id, o.due_at, c.campaign_id FROM case_obligations o JOIN cases c ON c.id = o.case_id
  WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND o.due_at <= $1
    AND c.paused_at IS NULL AND c.status IN ('assigned', 'claimed', 'approved')
    AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 1)
  ORDER BY o.due_at LIMIT $2`;

/**
 * Up to $1 open obligations of running cases escalated at level 1, followed up, and not yet at level 2
 * (what follows a missed claim, a move or the pool's level 2, is its follow-up's to decide).
 */
export const WITHOUT_LEVEL_TWO = `SELECT o.id, o.due_at, c.campaign_id FROM case_obligations o JOIN cases c ON c.id = o.case_id
  WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND c.paused_at IS NULL
    AND c.status IN ('assigned', 'claimed', 'approved')
    AND EXISTS (SELECT 1 FROM escalations e
                 WHERE e.obligation_id = o.id AND e.level = 1 AND e.followed_up_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.obligation_id = o.id AND e.level = 2)
  ORDER BY o.due_at LIMIT $1`;
