/** Revokes at $2 the links of enterprise $1 still live then (a rotation, before its new link). */
export const REVOKE_LIVE_ENTERPRISE_LINKS = `UPDATE enterprise_links SET revoked_at = $2, updated_at = $2
  WHERE enterprise_id = $1 AND revoked_at IS NULL AND expires_at > $2`;

/** Revokes link $2 of enterprise $1 at $3 (again: its first revocation stands); answers it, or nothing. */
export const REVOKE_ENTERPRISE_LINK = `UPDATE enterprise_links SET revoked_at = COALESCE(revoked_at, $3), updated_at = $3
  WHERE id = $2 AND enterprise_id = $1 RETURNING id`;

/** The link of token hash $1 with its enterprise: id, enterprise_id, expires_at, revoked_at. */
export const ENTERPRISE_LINK_BY_TOKEN = `SELECT id, enterprise_id, expires_at, revoked_at FROM enterprise_links
  WHERE token_hash = $1`;
