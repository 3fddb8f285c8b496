/**
 * The overdue cases, as the morning digest counts them: open (assigned, claimed or approved) and due
 * before $1 (now).
 */
const OVERDUE = `c.status IN ('assigned', 'claimed', 'approved') AND c.due_at < $1`;

/**
 * Per bank, the overdue cases before $1 at it or in a pool it belongs to: their number (as text) and the
 * ids of the first 20 by deadline.
 */
export const OVERDUE_CASES_PER_BANK = `SELECT org AS organization_id, count(*)::text AS overdue, (array_agg(id ORDER BY due_at))[1:20] AS case_ids FROM (
  SELECT c.id, c.due_at, c.assigned_bank_id AS org FROM cases c WHERE c.assigned_bank_id IS NOT NULL AND ${OVERDUE}
  UNION ALL
  SELECT c.id, c.due_at, pm.organization_id FROM cases c JOIN case_pool_members pm ON pm.case_id = c.id
   WHERE c.assigned_bank_id IS NULL AND ${OVERDUE}) x GROUP BY org`;

/** Per region (the case's own, not its ancestors), the number (as text) of overdue cases before $1. */
export const OVERDUE_CASES_PER_REGION = `SELECT c.region_code, count(*)::text AS overdue FROM cases c WHERE ${OVERDUE} GROUP BY c.region_code`;

/**
 * The cases of the regions between $2 and $3 that are overdue before $1 or escalated (an open escalation):
 * their number, enterprise, bank, deadline and escalation level, the most overdue first, at most $4.
 */
export const OVERDUE_OR_ESCALATED_CASES_IN_REGION = `SELECT c.id, c.number, e.name AS enterprise_name, o.name AS bank_name, c.due_at,
       c.escalation_level, (${OVERDUE}) AS overdue, count(*) OVER ()::int AS total,
       (count(*) FILTER (WHERE ${OVERDUE}) OVER ())::int AS overdue_total,
       (count(*) FILTER (WHERE c.escalation_level > 0) OVER ())::int AS escalated_total
  FROM cases c JOIN enterprises e ON e.id = c.enterprise_id LEFT JOIN organizations o ON o.id = c.assigned_bank_id
 WHERE c.region_code BETWEEN $2 AND $3
   AND (${OVERDUE} OR (c.escalation_level > 0 AND c.status NOT IN ('loan_signed', 'closed', 'screened_out')))
 ORDER BY c.due_at NULLS LAST, c.number LIMIT $4`;
