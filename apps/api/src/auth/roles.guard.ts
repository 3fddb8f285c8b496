import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Role } from '@unblock/domain';
import { ALLOWED_ROLES, RouteMetadata, type AuthenticatedRequest } from '@unblock/http';

/** A route marked `@Roles(...)` answers 403 to an authenticated user of any other role. */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly allowed: RouteMetadata<Role[]>;

  constructor(reflector: Reflector) {
    this.allowed = new RouteMetadata(reflector, ALLOWED_ROLES);
  }

  canActivate(context: ExecutionContext): boolean {
    const roles = this.allowed.of(context);
    if (roles === undefined) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor && roles.includes(actor.role)) return true;
    throw new DomainError('forbidden', `this action is for ${roles.join(', ')} only`);
  }
}
