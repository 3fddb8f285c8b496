/**
 * The statements of renewals (续贷) and maturities: a contract as a renewal reads it, its renewal case, the
 * contracts whose maturity reminder falls due, the reminders sent, and the maturity calendar.
 */

/** A contract $1 with its case's enterprise, campaign and need, locked for its renewal (one at a time). */
export const RENEWABLE_CONTRACT = `SELECT l.id, l.bank_id, l.amount::text AS amount, l.contract_no,
       l.maturity_date::text AS matures_on, c.enterprise_id, c.campaign_id, c.purpose, c.term,
       e.region_code, e.chain_id, e.chain_role
  FROM loan_contracts l JOIN cases c ON c.id = l.case_id JOIN enterprises e ON e.id = c.enterprise_id
 WHERE l.id = $1::uuid
   FOR UPDATE OF l`;

/** The renewal case of the contract $1 that still counts (any but a closed one): its id and number. */
export const CONTRACT_RENEWAL_CASE = `SELECT id, number FROM cases
 WHERE renewal_of_contract_id = $1::uuid AND kind = 'renewal' AND status <> 'closed'
 ORDER BY created_at DESC LIMIT 1`;

/**
 * The contracts maturing from $1 to $2 (dates) not yet reminded at the last mark (5 business days) and
 * without a renewal case that counts, with the marks already sent, what a reminder says, and the campaign
 * (whose calendar counts the business days).
 */
export const CONTRACTS_TO_REMIND = `SELECT l.id, l.bank_id, l.amount::text AS amount, l.contract_no,
       l.maturity_date::text AS matures_on, c.campaign_id, e.name AS enterprise_name,
       COALESCE((SELECT array_agg(r.days_before::int) FROM maturity_reminders r WHERE r.contract_id = l.id), '{}')
         AS sent
  FROM loan_contracts l JOIN cases c ON c.id = l.case_id JOIN enterprises e ON e.id = c.enterprise_id
 WHERE l.maturity_date BETWEEN $1::date AND $2::date
   AND NOT EXISTS (SELECT 1 FROM maturity_reminders r WHERE r.contract_id = l.id AND r.days_before = 5)
   AND NOT EXISTS (SELECT 1 FROM cases rc WHERE rc.renewal_of_contract_id = l.id AND rc.kind = 'renewal'
                     AND rc.status <> 'closed')
 ORDER BY l.maturity_date, l.id`;

/** Records the reminder of contract $1 at mark $2 (maturity $3, sent $4); answers it only when new. */
export const INSERT_MATURITY_REMINDER = `INSERT INTO maturity_reminders (contract_id, days_before, matures_on, sent_at)
 VALUES ($1::uuid, $2, $3::date, $4::timestamptz)
 ON CONFLICT (contract_id, days_before) DO NOTHING
 RETURNING id`;

/** The managers of the bank $1 (active), whom a maturity reminder goes to. */
export const BANK_MANAGERS = `SELECT u.id FROM users u
 WHERE u.organization_id = $1::uuid AND u.role = 'bank_manager' AND u.active ORDER BY u.id`;

/**
 * The maturity calendar: contracts maturing from $1 to $2 (dates), at the bank $3 (null: any), of enterprises
 * whose region code lies from $4 to $5, each with its enterprise, bank and renewal case that counts (if any),
 * by maturity date. At most $6 rows.
 */
export const MATURITY_CALENDAR = `SELECT l.id, l.contract_no, l.amount::text AS amount, l.maturity_date::text AS matures_on,
       l.signed_on::text AS signed_on, l.bank_id, b.name AS bank_name, c.id AS case_id, c.number AS case_number,
       e.id AS enterprise_id, e.name AS enterprise_name, e.region_code,
       r.id AS renewal_case_id, r.number AS renewal_case_number, r.status AS renewal_case_status,
       r.requested_renewal
  FROM loan_contracts l
  JOIN cases c ON c.id = l.case_id
  JOIN enterprises e ON e.id = c.enterprise_id
  JOIN organizations b ON b.id = l.bank_id
  LEFT JOIN LATERAL (SELECT rc.id, rc.number, rc.status, rc.requested_renewal FROM cases rc
                      WHERE rc.renewal_of_contract_id = l.id AND rc.kind = 'renewal' AND rc.status <> 'closed'
                      ORDER BY rc.created_at DESC LIMIT 1) r ON true
 WHERE l.maturity_date BETWEEN $1::date AND $2::date
   AND ($3::uuid IS NULL OR l.bank_id = $3::uuid)
   AND e.region_code BETWEEN $4 AND $5
 ORDER BY l.maturity_date, e.name, l.id
 LIMIT $6`;

/** The renewal cases that count (any but closed) of the contracts $1, by contract. */
export const RENEWAL_CASES_OF_CONTRACTS = `SELECT DISTINCT ON (renewal_of_contract_id) renewal_of_contract_id AS contract_id,
       id, number, status
  FROM cases WHERE renewal_of_contract_id = ANY($1::uuid[]) AND kind = 'renewal' AND status <> 'closed'
 ORDER BY renewal_of_contract_id, created_at DESC`;

/** The contract $1 a renewal renews, with its bank's name and the case it was signed on. */
export const RENEWED_CONTRACT = `SELECT l.id, l.contract_no, l.amount::text AS amount, l.signed_on::text AS signed_on,
       l.maturity_date::text AS matures_on, b.name AS bank_name, c.id AS case_id, c.number AS case_number
  FROM loan_contracts l JOIN cases c ON c.id = l.case_id JOIN organizations b ON b.id = l.bank_id
 WHERE l.id = $1::uuid`;
