import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@unblock/domain';
import type { FastifyRequest } from 'fastify';

export const PUBLIC_ROUTE = 'unblock:public';
export const ALLOWED_ROLES = 'unblock:roles';

/** Opts a route out of authentication. Every other route requires a valid access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Restricts a route to these roles (an authenticated user of another role gets 403). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/** The authenticated actor of the request. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
