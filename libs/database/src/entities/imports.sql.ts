/**
 * The imports' statements. An import's row is its progress: `rows_read` is the checkpoint, advanced in the
 * transaction of each batch's rows, so a run that dies resumes after the last committed batch.
 */

/** Advisory lock class of imports: one run of an import at a time, across every worker. */
export const IMPORT_LOCK = 7_260_002;

/** Advisory lock class of a user's uploads: one upload of a user at a time counts against their quota. */
export const UPLOADS_LOCK = 7_260_003;

/** Takes the transaction's advisory lock of class $1 on the user $2 (waiting for it). */
export const LOCK_USER_UPLOADS = `SELECT pg_advisory_xact_lock($1, hashtext($2))`;

/** The bytes of the user $1's uploads that are stored (their imports not completed, their file kept). */
export const USER_STORED_UPLOAD_BYTES = `SELECT coalesce(sum(i.byte_size), 0)::text AS bytes FROM imports i
  WHERE i.created_by_user_id = $1 AND EXISTS (SELECT 1 FROM import_chunks c WHERE c.import_id = i.id)`;

/** Takes the session's advisory lock of class $1 on the import $2 if it is free; answers `locked`. */
export const TRY_LOCK_IMPORT = `SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`;

/** Releases the session's advisory lock of class $1 on the import $2. */
export const UNLOCK_IMPORT = `SELECT pg_advisory_unlock($1, hashtext($2))`;

/**
 * A new import of kind $1 of the file named $2 by the user $3 (for needs, of the campaign $4 or none), queued,
 * its format first taken as csv; answers its id.
 */
export const INSERT_IMPORT = `INSERT INTO imports (kind, status, format, filename, created_by_user_id, campaign_id)
  VALUES ($1, 'queued', 'csv', $2, $3, $4) RETURNING id`;

/** Records the stored file of the import $1: its format $2, size in bytes $3 and number of chunks $4. */
export const SET_IMPORT_FILE = `UPDATE imports SET format = $2, byte_size = $3, chunk_count = $4 WHERE id = $1`;

/** Queues the failed import $1 (whose file is kept) again as a new run, clearing its failure; answers the run (no row unless it failed). */
export const RETRY_IMPORT = `UPDATE imports SET status = 'queued', run = run + 1, failure_reason = NULL, finished_at = NULL, updated_at = now()
  WHERE id = $1 AND status = 'failed' AND EXISTS (SELECT 1 FROM import_chunks c WHERE c.import_id = $1) RETURNING run`;

/** The import $1, as its progress is reported. */
export const IMPORT_BY_ID = `SELECT id, kind, status, format, filename, byte_size, created_by_user_id, created_at, started_at, finished_at,
  rows_read, rows_accepted, rows_rejected, failure_reason, run, campaign_id
  FROM imports WHERE id = $1`;

/** Up to 1000 unfinished imports (queued or running), oldest first, with their current run. */
export const UNFINISHED_IMPORTS = `SELECT id, run FROM imports WHERE status IN ('queued', 'running') ORDER BY created_at LIMIT 1000`;

/**
 * Starts (or resumes) the run $2 of the import $1, unless it is finished or another run superseded it;
 * answers what the run needs of the import.
 */
export const START_IMPORT_RUN = `UPDATE imports SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now()
  WHERE id = $1 AND run = $2 AND status IN ('queued', 'running')
  RETURNING id, kind, status, format, chunk_count, run, rows_read, rows_rejected, created_by_user_id, campaign_id`;

/** Fails the unfinished run $2 of the import $1, for the reason $3. */
export const FAIL_IMPORT_RUN = `UPDATE imports SET status = 'failed', failure_reason = $3, finished_at = now(), updated_at = now()
  WHERE id = $1 AND run = $2 AND status IN ('queued', 'running')`;

/** Completes the running run $2 of the import $1 if its checkpoint is still $3 (the rows the run read in all). */
export const COMPLETE_IMPORT_RUN = `UPDATE imports SET status = 'completed', finished_at = now(), updated_at = now()
  WHERE id = $1 AND run = $2 AND status = 'running' AND rows_read = $3`;

/** The checkpoint of the running run $2 of the import $1, locked for the transaction of a batch (no row: it moved on). */
export const IMPORT_CHECKPOINT_FOR_UPDATE = `SELECT rows_read FROM imports WHERE id = $1 AND run = $2 AND status = 'running' FOR UPDATE`;

/** Advances the checkpoint of the import $1 by a batch: $2 rows read, $3 accepted, $4 rejected. */
export const ADVANCE_IMPORT_CHECKPOINT = `UPDATE imports SET rows_read = rows_read + $2, rows_accepted = rows_accepted + $3,
  rows_rejected = rows_rejected + $4, updated_at = now()
  WHERE id = $1`;
