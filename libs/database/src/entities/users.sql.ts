/** The user $1 as an actor: role, organization, region, and whether the account is active. */
export const USER_AS_ACTOR = `SELECT id, role, organization_id, region_code, active FROM users WHERE id = $1`;

/** The session version of user $1 and whether the account is active (by primary key: one index probe). */
export const USER_SESSION_STATE = `SELECT session_version, active FROM users WHERE id = $1`;

/** The Postgres channel on which every change that ends a user's sessions is announced (payload: the user's id). */
export const USER_SESSIONS_CHANNEL = 'user_sessions';

/**
 * Ends every session of user $1: raises its session version (access tokens of an older one are refused)
 * and announces it on `user_sessions` (delivered to every listening API process when the transaction
 * commits). Answers the new version.
 */
export const END_USER_SESSIONS = `
  WITH bumped AS (UPDATE users SET session_version = session_version + 1 WHERE id = $1 RETURNING session_version)
  SELECT session_version, pg_notify('${USER_SESSIONS_CHANNEL}', $1::text) FROM bumped`;

/** The active admins but user $1, locked: whoever would leave no active admin waits for the others' changes. */
export const LOCK_OTHER_ACTIVE_ADMINS = `SELECT id FROM users WHERE role = 'admin' AND active AND id <> $1 ORDER BY id FOR UPDATE`;
