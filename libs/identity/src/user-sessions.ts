import { END_USER_SESSIONS, REVOKE_USER_REFRESH_TOKENS } from '@unblock/database';
import type { EntityManager } from 'typeorm';
import { NO_SESSION } from './session-versions';

/**
 * Ends the user's sessions, in the caller's transaction: raises their session version (so every access
 * token issued before is refused by every API process as soon as this commits) and revokes their refresh
 * tokens, but those of `keepFamilyId` (the session that made the change, when it is the user's own).
 * Answers the new session version. Once the transaction commits, call `SessionVersions.forget`, so this
 * process need not wait for the notification.
 */
export async function endUserSessions(
  manager: EntityManager,
  userId: string,
  keepFamilyId: string | null = null,
): Promise<number> {
  const rows = await manager.query<{ session_version: number }[]>(END_USER_SESSIONS, [userId]);
  await manager.query(REVOKE_USER_REFRESH_TOKENS, [userId, keepFamilyId]);
  return rows[0]?.session_version ?? NO_SESSION;
}
