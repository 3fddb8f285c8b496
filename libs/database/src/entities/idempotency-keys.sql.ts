/**
 * An `Idempotency-Key` is claimed by the first request that sends it, then completed with that request's
 * answer, or released when the request failed (so that it may be retried).
 */

/**
 * Claims the key $2 of the user $1 for the request to the route $3 whose body hashes to $4; answers the
 * claim's id, or no row when the user sent this key before.
 */
export const CLAIM_IDEMPOTENCY_KEY = `INSERT INTO idempotency_keys (user_id, key, route, request_hash) VALUES ($1, $2, $3, $4)
  ON CONFLICT DO NOTHING RETURNING id`;

/** The request that claimed the key $2 of the user $1, and its answer once completed. */
export const IDEMPOTENCY_KEY_OF_USER = `SELECT route, request_hash, status_code, response, completed_at FROM idempotency_keys
  WHERE user_id = $1 AND key = $2`;

/** Completes the claim $1 with the answer of its request: status $2, body $3 (JSON). */
export const COMPLETE_IDEMPOTENCY_KEY = `UPDATE idempotency_keys SET status_code = $2, response = $3, completed_at = now() WHERE id = $1`;

/** Releases the claim $1 (its request failed). */
export const RELEASE_IDEMPOTENCY_KEY = `DELETE FROM idempotency_keys WHERE id = $1`;
