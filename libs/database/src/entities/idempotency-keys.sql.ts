/**
 * An `Idempotency-Key` is claimed by the first request that sends it, then completed with that request's
 * answer, or released when the request failed (so that it may be retried). A claim holds a lease while its
 * request runs; a claim whose lease lapsed unanswered (its API died) is taken over by a retry.
 */

/**
 * Claims the key $2 of the user $1 for the request to the route $3 whose body hashes to $4, with a lease of
 * $5 milliseconds; answers the claim's id, or no row when the user sent this key before.
 */
export const CLAIM_IDEMPOTENCY_KEY = `INSERT INTO idempotency_keys (user_id, key, route, request_hash, lease_expires_at)
  VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5::int / 1000.0))
  ON CONFLICT DO NOTHING RETURNING id`;

/** The request that claimed the key $2 of the user $1, its answer once completed, and whether its lease lapsed. */
export const IDEMPOTENCY_KEY_OF_USER = `SELECT route, request_hash, status_code, response, completed_at,
    lease_expires_at < now() AS lapsed
  FROM idempotency_keys WHERE user_id = $1 AND key = $2`;

/**
 * Takes over the key $2 of the user $1, unanswered and its lease lapsed, with a new lease of $3
 * milliseconds; answers the claim's id, or no row when it was answered or taken over meanwhile.
 */
export const TAKE_OVER_IDEMPOTENCY_KEY = `WITH taken AS (UPDATE idempotency_keys
    SET lease_expires_at = now() + make_interval(secs => $3::int / 1000.0)
    WHERE user_id = $1 AND key = $2 AND completed_at IS NULL AND lease_expires_at < now()
    RETURNING id)
  SELECT id FROM taken`;

/** Completes the claim $1 with the answer of its request: status $2, body $3 (JSON). */
export const COMPLETE_IDEMPOTENCY_KEY = `UPDATE idempotency_keys SET status_code = $2, response = $3, completed_at = now() WHERE id = $1`;

/** Releases the claim $1 (its request failed). */
export const RELEASE_IDEMPOTENCY_KEY = `DELETE FROM idempotency_keys WHERE id = $1`;
