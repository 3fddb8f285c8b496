/**
 * The loan contracts' statements for first loans (首贷): a contract declared a first loan counts as one only
 * when no contract of the enterprise that Unblock knows was signed on an earlier day.
 */

/** Advisory lock class of an enterprise's first loan: one signing of the enterprise's loans at a time. */
export const FIRST_LOAN_LOCK = 7_260_004;

/** Takes the transaction's advisory lock of class $1 on the enterprise $2 (waiting for it). */
export const LOCK_ENTERPRISE_LOANS = `SELECT pg_advisory_xact_lock($1, hashtext($2))`;

/** The signing day of the enterprise $1's earliest known contract (`first`, null when none). */
export const ENTERPRISE_FIRST_SIGNING = `SELECT min(l.signed_on)::text AS first
  FROM loan_contracts l JOIN cases c ON c.id = l.case_id WHERE c.enterprise_id = $1`;

/** The enterprise $1's contracts counted as first loans but signed after the day $2: no longer first. */
export const UNMARK_LATER_FIRST_LOANS = `UPDATE loan_contracts l SET first_loan = false, updated_at = now()
  FROM cases c WHERE c.id = l.case_id AND c.enterprise_id = $1 AND l.first_loan AND l.signed_on > $2::date`;
