import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Role } from '@unblock/domain';
import { ALLOWED_ROLES, type AuthenticatedRequest } from '@unblock/http';

/** A route marked `@Roles(...)` answers 403 to an authenticated user of any other role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles === undefined) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor && roles.includes(actor.role)) return true;
    throw new DomainError('forbidden', `this action is for ${roles.join(', ')} only`);
  }
}
