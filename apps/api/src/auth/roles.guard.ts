import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, STAFF_ROLES, type Role } from '@unblock/domain';
import { ALLOWED_ROLES, RouteMetadata, type AuthenticatedRequest } from '@unblock/http';

/**
 * A route marked `@Roles(...)` answers 403 to an authenticated user of any other role; a route that names
 * none is for the campaign's staff (`STAFF_ROLES`): partner officers reach only the routes that name them.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly allowed: RouteMetadata<Role[]>;

  constructor(reflector: Reflector) {
    this.allowed = new RouteMetadata(reflector, ALLOWED_ROLES);
  }

  canActivate(context: ExecutionContext): boolean {
    const named = this.allowed.of(context);
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    // A public route (no one signed in) names no roles.
    if (named === undefined && actor === undefined) return true;
    const roles: readonly Role[] = named ?? STAFF_ROLES;
    if (actor && roles.includes(actor.role)) return true;
    throw new DomainError('forbidden', `this action is for ${roles.join(', ')} only`);
  }
}
