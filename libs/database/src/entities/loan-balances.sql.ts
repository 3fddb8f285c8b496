/**
 * The loan balances' statements. One statement writes reports, from the API (one row) and from imports (a
 * batch): each row is new (revision 1) or a correction of its bank, enterprise and month (the next revision),
 * and every revision is appended to `loan_balance_revisions` with the figures it replaced. The rollup
 * `report_balance_months` follows by the table's triggers.
 */

/**
 * Writes reports: $1 bank ids, $2 enterprise ids, $3 months (first days), $4 balances, $5 medium/long-term
 * balances, $6 notes (arrays, one entry a report, no key twice); $7 the reporter, $8 the time, $9 the import
 * (or null). Answers each report's id, bank, enterprise, month, revision and whether it was new.
 */
export const UPSERT_LOAN_BALANCES = `WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::numeric[], $5::numeric[], $6::text[])
      AS i(bank_id, enterprise_id, month, balance, medium_long_balance, note)
  ), prior AS (
    SELECT b.id, b.balance, b.medium_long_balance
      FROM loan_balances b JOIN input i USING (bank_id, enterprise_id, month)
  ), written AS (
    INSERT INTO loan_balances AS b (bank_id, enterprise_id, month, balance, medium_long_balance, note, revision,
                                    reported_by_user_id, reported_at, import_id)
    SELECT bank_id, enterprise_id, month, balance, medium_long_balance, note, 1, $7, $8, $9 FROM input
    ORDER BY bank_id, enterprise_id, month
    ON CONFLICT (bank_id, enterprise_id, month) DO UPDATE
       SET balance = EXCLUDED.balance, medium_long_balance = EXCLUDED.medium_long_balance, note = EXCLUDED.note,
           revision = b.revision + 1, reported_by_user_id = EXCLUDED.reported_by_user_id,
           reported_at = EXCLUDED.reported_at, import_id = EXCLUDED.import_id, updated_at = now()
    RETURNING b.id, b.bank_id, b.enterprise_id, b.month, b.balance, b.medium_long_balance, b.note, b.revision
  ), history AS (
    INSERT INTO loan_balance_revisions (loan_balance_id, revision, balance, medium_long_balance, previous_balance,
                                        previous_medium_long_balance, note, reported_by_user_id, reported_at, import_id)
    SELECT w.id, w.revision, w.balance, w.medium_long_balance,
           CASE WHEN w.revision > 1 THEN p.balance END, CASE WHEN w.revision > 1 THEN p.medium_long_balance END,
           w.note, $7, $8, $9
      FROM written w LEFT JOIN prior p ON p.id = w.id
  )
  SELECT id, bank_id, enterprise_id, to_char(month, 'YYYY-MM') AS month, revision, revision = 1 AS created
    FROM written`;

/** The columns of a balance as its response reads them (`b` joined to its enterprise `e` and bank `o`). */
const BALANCE_COLUMNS = `b.id, b.bank_id, o.name AS bank_name, b.enterprise_id, e.name AS enterprise_name, e.uscc,
  e.region_code, to_char(b.month, 'YYYY-MM') AS month, b.balance::text AS balance,
  b.medium_long_balance::text AS medium_long_balance, b.note, b.revision, b.reported_by_user_id,
  u.name AS reported_by_name, b.reported_at, b.import_id, b.updated_at`;

const BALANCE_FROM = `loan_balances b JOIN enterprises e ON e.id = b.enterprise_id
  JOIN organizations o ON o.id = b.bank_id JOIN users u ON u.id = b.reported_by_user_id`;

/** One balance by id ($1). */
export const LOAN_BALANCE_BY_ID = `SELECT ${BALANCE_COLUMNS} FROM ${BALANCE_FROM} WHERE b.id = $1`;

/** The revisions of the balance $1, oldest first. */
export const LOAN_BALANCE_REVISIONS = `SELECT r.revision, r.balance::text AS balance,
    r.medium_long_balance::text AS medium_long_balance, r.previous_balance::text AS previous_balance,
    r.previous_medium_long_balance::text AS previous_medium_long_balance, r.note, r.reported_by_user_id,
    u.name AS reported_by_name, r.reported_at, r.import_id
  FROM loan_balance_revisions r JOIN users u ON u.id = r.reported_by_user_id
  WHERE r.loan_balance_id = $1 ORDER BY r.revision`;

/**
 * A page of balances, the latest written first: $1 the bank (or null), $2 and $3 the region range (or null),
 * $4 the month (or null), $5 the enterprise (or null), $6 and $7 the cursor's time and id (or null), $8 the limit.
 */
export const LOAN_BALANCES_PAGE = `SELECT ${BALANCE_COLUMNS} FROM ${BALANCE_FROM}
  WHERE ($1::uuid IS NULL OR b.bank_id = $1)
    AND ($2::text IS NULL OR e.region_code BETWEEN $2 AND $3)
    AND ($4::date IS NULL OR b.month = $4)
    AND ($5::uuid IS NULL OR b.enterprise_id = $5)
    AND ($6::timestamptz IS NULL OR (b.updated_at, b.id) < ($6, $7::uuid))
  ORDER BY b.updated_at DESC, b.id DESC LIMIT $8`;

/** The enterprises (id, region) of the given ids ($1) or codes ($2). */
export const BALANCE_ENTERPRISES = `SELECT id, uscc, region_code FROM enterprises
  WHERE id = ANY($1::uuid[]) OR uscc = ANY($2::text[])`;
