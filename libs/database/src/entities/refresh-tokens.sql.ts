/** Revokes every live refresh token of user $1 but those of family $2 (null: all of them). */
export const REVOKE_USER_REFRESH_TOKENS = `
  UPDATE refresh_tokens SET revoked_at = now()
   WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid)`;

/** Revokes the live refresh tokens of family $1. */
export const REVOKE_REFRESH_FAMILY = `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`;
