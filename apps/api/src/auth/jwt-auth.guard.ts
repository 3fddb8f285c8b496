import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@unblock/domain';
import { PUBLIC_ROUTE, RouteMetadata, type AuthenticatedRequest } from '@unblock/http';
import { AccessTokenService } from '@unblock/identity';

/** Every route requires a valid bearer access token, unless it opts out with `@Public()`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly publicRoute: RouteMetadata<boolean>;

  constructor(
    reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {
    this.publicRoute = new RouteMetadata(reflector, PUBLIC_ROUTE);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.publicRoute.of(context) === true) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/u.exec(header) : null;
    if (!match?.[1]) throw new DomainError('unauthenticated', 'a bearer access token is required');
    request.actor = this.tokens.verify(match[1]);
    return true;
  }
}
