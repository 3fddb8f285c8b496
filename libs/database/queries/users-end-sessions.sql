WITH bumped AS (UPDATE users SET session_version = session_version + 1 WHERE id = $1 RETURNING session_version)
  SELECT session_version, pg_notify('user_sessions', $1::text) FROM bumped;

  UPDATE refresh_tokens SET revoked_at = now()
   WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid);
