/**
 * The outbox's statements. A message is written in the transaction of the change that calls for it and
 * relayed to its queue after commit (`OutboxRelay` in libs/queue).
 */

/** The INSERT of the messages of `rows`, a relation with the columns (type, case_id, run_at, payload). */
export function insertOutboxFrom(rows: string): string {
  return `INSERT INTO outbox (type, case_id, run_at, payload)
          SELECT type, case_id, run_at, payload FROM ${rows}`;
}

/** Messages given as one JSON array parameter `[{type, case_id, run_at, payload}]`, as a relation. */
export function outboxRowsFromJson(param: string): string {
  return `jsonb_to_recordset(${param}::jsonb) AS m(type text, case_id uuid, run_at timestamptz, payload jsonb)`;
}

/**
 * Takes up to $2 unsent messages due by $1 (the queue horizon), oldest first, marking them sent; rows
 * another relay holds are skipped (FOR UPDATE SKIP LOCKED). Run in a transaction that adds their jobs
 * before it commits.
 */
export const TAKE_DUE_OUTBOX = `UPDATE outbox SET sent_at = now()
  WHERE id IN (SELECT id FROM outbox
                WHERE sent_at IS NULL AND run_at <= $1
                ORDER BY run_at LIMIT $2 FOR UPDATE SKIP LOCKED)
  RETURNING id, type, run_at, payload`;

/**
 * The relay's backlog for the metrics: the unsent messages due by $1 (the queue horizon), counted up to $2
 * (past that, "at least $2"), and the seconds since the next one to relay was written (0: none). Both read
 * the partial index of the unsent messages (`outbox_unsent`), the count only as far as its cap.
 */
export const OUTBOX_BACKLOG = `SELECT
    (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE sent_at IS NULL AND run_at <= $1 LIMIT $2) due)::int AS backlog,
    COALESCE((SELECT extract(epoch FROM now() - created_at) FROM outbox
               WHERE sent_at IS NULL AND run_at <= $1 ORDER BY run_at LIMIT 1), 0)::float8 AS oldest_age`;
