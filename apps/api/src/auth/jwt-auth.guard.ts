import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@unblock/domain';
import { PUBLIC_ROUTE, RouteMetadata, type AuthenticatedRequest } from '@unblock/http';
import { AccessTokenService, SessionVersions, type VerifiedAccess } from '@unblock/identity';
import { PASSWORD_CHANGE_ALLOWED } from './password-change-allowed.decorator';

/** The request's access token, a `sid` of which is read by `POST /me/password`. */
export interface SessionRequest extends AuthenticatedRequest {
  access?: VerifiedAccess;
}

/**
 * Every route requires a valid bearer access token, unless it opts out with `@Public()`; the token must
 * be of the user's current session version (a deactivation, a new role, organization or region, a
 * password reset or change raise it), checked against this process's cache of versions (a Map lookup; a
 * miss, one query by key). A user who must change a one-time password reaches only the routes marked
 * `@PasswordChangeAllowed()`.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly publicRoute: RouteMetadata<boolean>;
  private readonly passwordChangeAllowed: RouteMetadata<boolean>;

  constructor(
    reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionVersions,
  ) {
    this.publicRoute = new RouteMetadata(reflector, PUBLIC_ROUTE);
    this.passwordChangeAllowed = new RouteMetadata(reflector, PASSWORD_CHANGE_ALLOWED);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.publicRoute.of(context) === true) return true;
    const request = context.switchToHttp().getRequest<SessionRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/u.exec(header) : null;
    if (!match?.[1]) throw new DomainError('unauthenticated', 'a bearer access token is required');
    const access = this.tokens.verifyAccess(match[1]);
    const known = this.sessions.cached(access.actor.userId);
    if (known !== undefined) return this.admit(context, request, access, known);
    return this.sessions.load(access.actor.userId).then((version) => this.admit(context, request, access, version));
  }

  private admit(context: ExecutionContext, request: SessionRequest, access: VerifiedAccess, version: number): boolean {
    if (access.sessionVersion !== version) {
      throw new DomainError('unauthenticated', 'the session has ended; sign in again');
    }
    if (access.passwordChangeRequired && this.passwordChangeAllowed.of(context) !== true) {
      throw new DomainError(
        'password_change_required',
        'you signed in with a one-time password: choose your own first (POST /api/v1/me/password)',
      );
    }
    request.actor = access.actor;
    request.access = access;
    return true;
  }
}
