import type { UserEntity } from '@unblock/database';
import type { AccessTokenService } from './access-token.service';
import { UserResponse, actorOf, toUserResponse } from './user.response';

export class SessionResponse {
  accessToken!: string;
  /** Seconds until the access token expires. */
  expiresIn!: number;
  /** Single use: `POST /auth/refresh` answers a new one; presenting a used one again revokes the session. */
  refreshToken!: string;
  tokenType!: 'Bearer';
  /**
   * True after signing in with a one-time password (an admin's reset): until `POST /me/password` sets a
   * new one, every other endpoint but `GET /me` and `POST /auth/logout` answers 403
   * (`type` …/password-change-required).
   */
  mustChangePassword!: boolean;
  user!: UserResponse;
}

/** The answer of a login or a refresh: an access token of the user's session `familyId`, and its refresh token. */
export function sessionOf(
  accessTokens: AccessTokenService,
  user: UserEntity,
  familyId: string,
  refreshToken: string,
): SessionResponse {
  const access = accessTokens.issue(actorOf(user), {
    sessionVersion: user.sessionVersion,
    sessionId: familyId,
    passwordChangeRequired: user.mustChangePassword,
  });
  return {
    accessToken: access.token,
    expiresIn: access.expiresIn,
    refreshToken,
    tokenType: 'Bearer',
    mustChangePassword: user.mustChangePassword,
    user: toUserResponse(user),
  };
}
