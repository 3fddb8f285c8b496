import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import { PortalAuthenticator, hashLinkToken, type PortalAccess } from '@unblock/cases';
import { AppConfig } from '@unblock/config';
import { DomainError } from '@unblock/domain';
import type { FastifyRequest } from 'fastify';

/** The header that carries the enterprise's link token. */
export const PORTAL_TOKEN_HEADER = 'x-portal-token';

export interface PortalRequest extends FastifyRequest {
  portal?: PortalAccess;
}

/** The access of a request the portal guard let through. */
export const CurrentPortalAccess = createParamDecorator((_data: unknown, context: ExecutionContext): PortalAccess => {
  const access = context.switchToHttp().getRequest<PortalRequest>().portal;
  if (!access) throw new Error('CurrentPortalAccess used on a route without the portal guard');
  return access;
});

/**
 * The enterprise's page: the `X-Portal-Token` header must hold a live link's token (else 401). Throttled
 * on the login's machinery: every link gets so many requests per window, and so does every address for the
 * tokens it presents in vain (429).
 */
@Injectable()
export class PortalTokenGuard implements CanActivate {
  constructor(
    private readonly authenticator: PortalAuthenticator,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const header = request.headers[PORTAL_TOKEN_HEADER];
    const token = typeof header === 'string' ? header.trim() : '';
    if (token === '') {
      await this.count(`portal:address:${request.ip}`);
      throw new DomainError('unauthenticated', `the ${PORTAL_TOKEN_HEADER} header is required`);
    }
    await this.count(`portal:link:${hashLinkToken(token)}`);
    try {
      request.portal = await this.authenticator.authenticate(token);
    } catch (error: unknown) {
      if (error instanceof DomainError) await this.count(`portal:address:${request.ip}`);
      throw error;
    }
    return true;
  }

  /** Counts one request on a counter; over the limit, a 429. */
  private async count(key: string): Promise<void> {
    const { limit, windowSeconds } = this.config.portalThrottle;
    const ttl = windowSeconds * 1000;
    const record = await this.storage.increment(key, ttl, limit, ttl, 'portal');
    if (record.isBlocked) {
      throw new DomainError('rate_limited', 'too many requests from this link; wait a minute and try again', [], {
        retryAfterSeconds: record.timeToBlockExpire,
      });
    }
  }
}
