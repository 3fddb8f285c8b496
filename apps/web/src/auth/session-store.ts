import { NetworkError, SessionExpired } from '../api/problem';
import type { Session, User } from '../api/types';
import { readJson, writeJson } from '../lib/storage';

const STORAGE_KEY = 'unblock.session';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  user: User;
  /** Signed in with a one-time password: the console leads to the change-password page until it is changed. */
  mustChangePassword?: boolean;
}

function sessionOf(answer: Session): StoredSession {
  return {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    user: answer.user,
    mustChangePassword: answer.mustChangePassword,
  };
}

type Listener = (
  session: StoredSession | undefined,
  reason: 'signed-in' | 'refreshed' | 'signed-out' | 'expired',
) => void;

/**
 * The tokens, kept in localStorage so a visit queued offline can still be sent after the page is reopened.
 * Refresh tokens are single use and rotate: one refresh at a time, shared by every request that needs it
 * (a second refresh with the same token would revoke the whole session).
 */
export class SessionStore {
  private session: StoredSession | undefined;
  private refreshing: Promise<StoredSession> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly baseUrl = '') {
    this.session = readJson<StoredSession>(localStorage, STORAGE_KEY);
    // Another tab refreshed or signed out: follow it.
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY) return;
      this.session = readJson<StoredSession>(localStorage, STORAGE_KEY);
      this.emit(this.session ? 'refreshed' : 'signed-out');
    });
  }

  get current(): StoredSession | undefined {
    return this.session;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signedIn(answer: Session): void {
    this.save(sessionOf(answer));
    this.emit('signed-in');
  }

  /**
   * Signs out: the API revokes the session (`POST /auth/logout`, so its refresh token is worthless even if
   * it was copied), then the tokens are forgotten here, whether or not the API could be reached.
   */
  async signOut(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    if (refreshToken !== undefined) {
      try {
        await fetch(`${this.baseUrl}/api/v1/auth/logout`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        });
      } catch {
        // Offline: the session ends here; its refresh token expires on the server.
      }
    }
    this.save(undefined);
    this.emit('signed-out');
  }

  /** A new access token; concurrent callers share one request. Throws SessionExpired or NetworkError. */
  refresh(): Promise<StoredSession> {
    this.refreshing ??= this.rotate().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async rotate(): Promise<StoredSession> {
    const before = this.session;
    if (!before) throw new SessionExpired();
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: before.refreshToken }),
      });
    } catch (error: unknown) {
      throw new NetworkError(error);
    }
    if (!response.ok) {
      // Another tab may have rotated the token meanwhile: take its session if it is newer.
      const stored = readJson<StoredSession>(localStorage, STORAGE_KEY);
      if (stored && stored.refreshToken !== before.refreshToken) {
        this.session = stored;
        return stored;
      }
      this.save(undefined);
      this.emit('expired');
      throw new SessionExpired();
    }
    const answer = (await response.json()) as Session;
    this.save(sessionOf(answer));
    this.emit('refreshed');
    return this.session as StoredSession;
  }

  private save(session: StoredSession | undefined): void {
    this.session = session;
    writeJson(localStorage, STORAGE_KEY, session);
  }

  private emit(reason: Parameters<Listener>[1]): void {
    for (const listener of this.listeners) listener(this.session, reason);
  }
}
