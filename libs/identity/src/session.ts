import { UserResponse } from './user.response';

export class SessionResponse {
  accessToken!: string;
  /** Seconds until the access token expires. */
  expiresIn!: number;
  /** Single use: `POST /auth/refresh` answers a new one; presenting a used one again revokes the session. */
  refreshToken!: string;
  tokenType!: 'Bearer';
  user!: UserResponse;
}
