import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@unblock/domain';
import { PUBLIC_ROUTE, type AuthenticatedRequest } from '@unblock/http';
import { AccessTokenService } from '@unblock/identity';

/** Every route requires a valid bearer access token, unless it opts out with `@Public()`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic === true) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/u.exec(header) : null;
    if (!match?.[1]) throw new DomainError('unauthenticated', 'a bearer access token is required');
    request.actor = this.tokens.verify(match[1]);
    return true;
  }
}
