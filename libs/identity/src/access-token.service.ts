import { Injectable } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { DomainError, ROLES, type Actor, type Role } from '@unblock/domain';
import jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  rgn: string | null;
  typ: 'access';
  /** The user's session version when the token was issued. */
  sv: number;
  /** The refresh-token family (the session) the token belongs to. */
  sid: string;
  /** Present (true) while the user must change a one-time password. */
  pwc?: true;
  exp?: number;
}

/** What an access token says besides its actor: which session it belongs to, issued under which version. */
export interface AccessSession {
  /** The user's session version when the token was issued: an older one than the user's now is refused. */
  readonly sessionVersion: number;
  /** The refresh-token family of the session. */
  readonly sessionId: string;
  /** True while the user signed in with a one-time password and must change it. */
  readonly passwordChangeRequired: boolean;
}

/** A verified access token: who acts, and in which session. */
export interface VerifiedAccess extends AccessSession {
  readonly actor: Actor;
}

/** How many verified tokens are remembered. */
const VERIFIED_CACHE_SIZE = 10_000;

/** Access tokens: HS256 only, with issuer, audience and a short expiry, all checked on the way in. */
@Injectable()
export class AccessTokenService {
  /**
   * The HMAC key as a KeyObject, made once: given a string, jsonwebtoken would try to parse it as a public
   * key on every verification, which cost most of an authenticated request's CPU.
   */
  private readonly key: KeyObject;

  /**
   * Tokens already verified, by their whole text (signature included), with their expiry: a token that
   * verified once verifies again until it expires, so the HMAC and the claim checks run once per token,
   * not once per request. Expiry is checked on every use, exactly as jsonwebtoken checks it.
   */
  private readonly verified = new Map<string, { access: VerifiedAccess; expiresAt: number }>();

  constructor(private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  }

  issue(actor: Actor, session: AccessSession): { token: string; expiresIn: number } {
    const claims: AccessClaims = {
      sub: actor.userId,
      role: actor.role,
      org: actor.organizationId,
      rgn: actor.regionCode,
      typ: 'access',
      sv: session.sessionVersion,
      sid: session.sessionId,
      ...(session.passwordChangeRequired ? { pwc: true as const } : {}),
    };
    const token = jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      expiresIn: this.config.jwt.accessTtlSeconds,
    });
    return { token, expiresIn: this.config.jwt.accessTtlSeconds };
  }

  /** The actor of a valid token; a DomainError('unauthenticated') for anything else. */
  verify(token: string): Actor {
    return this.verifyAccess(token).actor;
  }

  /** The actor and the session of a valid token; a DomainError('unauthenticated') for anything else. */
  verifyAccess(token: string): VerifiedAccess {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (Math.floor(Date.now() / 1000) < known.expiresAt) return known.access;
      this.verified.delete(token);
      throw new DomainError('unauthenticated', 'the access token has expired');
    }
    return this.verifyAnew(token);
  }

  private verifyAnew(token: string): VerifiedAccess {
    let claims: Partial<AccessClaims>;
    try {
      claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
      }) as Partial<AccessClaims>;
    } catch (error: unknown) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new DomainError(
        'unauthenticated',
        expired ? 'the access token has expired' : 'the access token is invalid',
      );
    }
    if (
      claims.typ !== 'access' ||
      typeof claims.sub !== 'string' ||
      !ROLES.includes(claims.role as Role) ||
      claims.org === undefined ||
      claims.rgn === undefined ||
      typeof claims.sv !== 'number' ||
      typeof claims.sid !== 'string'
    ) {
      throw new DomainError('unauthenticated', 'the access token is invalid');
    }
    const actor: Actor = Object.freeze({
      userId: claims.sub,
      role: claims.role as Role,
      organizationId: claims.org,
      regionCode: claims.rgn,
    });
    const access: VerifiedAccess = Object.freeze({
      actor,
      sessionVersion: claims.sv,
      sessionId: claims.sid,
      passwordChangeRequired: claims.pwc === true,
    });
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= VERIFIED_CACHE_SIZE) {
        const oldest = this.verified.keys().next();
        if (oldest.done !== true) this.verified.delete(oldest.value);
      }
      this.verified.set(token, { access, expiresAt: claims.exp });
    }
    return access;
  }
}
