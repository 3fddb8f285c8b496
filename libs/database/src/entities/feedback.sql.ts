/**
 * The enterprise's cases ($1) as its own page shows them, newest first: status, amount, purpose, the bank
 * working it (or that last held it), the nearest open deadline, the last decline (reason and text), whether a
 * bank ever claimed it, and the enterprise's word (contact confirmed, rating). `outcome_declined`: the last
 * decline found nobody left to route to. The decline's reason comes with its catalogue name and, when it can
 * be repaired, its repair path; a screened-out need with the criteria it did not meet.
 */
export const PORTAL_CASES = `SELECT c.id, c.number, c.kind, c.status, c.requested_amount, c.purpose, c.term, c.created_at, c.due_at,
       c.paused_at, c.campaign_id, camp.name AS campaign_name,
       COALESCE(bank.name, claimer_org.name) AS bank_name,
       d.data->>'reason' AS decline_reason, d.data->>'text' AS decline_text,
       dr.name AS decline_reason_name, CASE WHEN dr.repairable THEN dr.repair_path END AS repair_path,
       CASE WHEN c.status = 'screened_out' THEN array_remove(ARRAY[
         CASE WHEN NOT s.compliant_operation THEN 'compliantOperation' END,
         CASE WHEN NOT s.fixed_premises THEN 'fixedPremises' END,
         CASE WHEN NOT s.genuine_need THEN 'genuineNeed' END,
         CASE WHEN NOT s.good_credit THEN 'goodCredit' END,
         CASE WHEN NOT s.lawful_purpose THEN 'lawfulPurpose' END], NULL) ELSE '{}' END AS unmet_criteria,
       COALESCE((d.data->'next'->>'unroutable')::boolean, false) AND c.status = 'assigned' AND c.assigned_bank_id IS NULL
         AS outcome_declined,
       EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'claimed') AS ever_claimed,
       f.contact_confirmed, f.score, f.comment
  FROM cases c
  JOIN campaigns camp ON camp.id = c.campaign_id
  LEFT JOIN organizations bank ON bank.id = c.assigned_bank_id
  LEFT JOIN users claimer ON claimer.id = c.claimed_by_user_id
  LEFT JOIN organizations claimer_org ON claimer_org.id = claimer.organization_id
  LEFT JOIN LATERAL (SELECT e.data FROM case_events e WHERE e.case_id = c.id AND e.type = 'declined'
                      ORDER BY e.seq DESC LIMIT 1) d ON true
  LEFT JOIN decline_reasons dr ON dr.code = d.data->>'reason'
  LEFT JOIN screenings s ON s.case_id = c.id
  LEFT JOIN feedback f ON f.case_id = c.id
 WHERE c.enterprise_id = $1
 ORDER BY c.created_at DESC, c.id
 LIMIT 200`;

/**
 * The loan contracts of the enterprise $1's cases, with their bank and the renewal case that counts (if any),
 * for its page: the latest 200.
 */
export const PORTAL_CONTRACTS = `SELECT l.id, l.case_id, l.contract_no, l.amount::text AS amount, l.signed_on::text AS signed_on,
       l.maturity_date::text AS matures_on, b.name AS bank_name, r.id AS renewal_case_id,
       r.number AS renewal_case_number
  FROM loan_contracts l
  JOIN cases c ON c.id = l.case_id
  JOIN organizations b ON b.id = l.bank_id
  LEFT JOIN LATERAL (SELECT rc.id, rc.number FROM cases rc
                      WHERE rc.renewal_of_contract_id = l.id AND rc.kind = 'renewal' AND rc.status <> 'closed'
                      ORDER BY rc.created_at DESC LIMIT 1) r ON true
 WHERE c.enterprise_id = $1
 ORDER BY l.maturity_date NULLS LAST, l.id
 LIMIT 200`;

/** Case $1 of enterprise $2, locked for the enterprise's word on it. */
export const LOCK_PORTAL_CASE = `SELECT c.id FROM cases c WHERE c.id = $1 AND c.enterprise_id = $2 FOR UPDATE`;

/**
 * Records the enterprise's answer on contact for case $1 through link $2 at $3 ($4: confirmed), once: answers
 * the row, or nothing when the enterprise answered before.
 */
export const ANSWER_CONTACT = `INSERT INTO feedback (case_id, link_id, contact_confirmed, contact_answered_at)
  VALUES ($1, $2, $4, $3)
  ON CONFLICT (case_id) DO UPDATE SET contact_confirmed = $4, contact_answered_at = $3, link_id = $2, updated_at = $3
    WHERE feedback.contact_confirmed IS NULL
  RETURNING id`;

/** Records the rating $4 (comment $5) of case $1 through link $2 at $3, once: answers the row, or nothing. */
export const RATE_CASE = `INSERT INTO feedback (case_id, link_id, score, comment, rated_at)
  VALUES ($1, $2, $4, $5, $3)
  ON CONFLICT (case_id) DO UPDATE SET score = $4, comment = $5, rated_at = $3, link_id = $2, updated_at = $3
    WHERE feedback.score IS NULL
  RETURNING id`;

/** The timeline event ($2: type, $4: data) of the enterprise's word on case $1 at $3; no user acted. */
export const INSERT_FEEDBACK_EVENT = `INSERT INTO case_events (case_id, type, actor_user_id, at, data)
  VALUES ($1, $2, NULL, $3, $4::jsonb)`;
