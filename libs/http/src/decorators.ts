import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@unblock/domain';
import type { Reflector } from '@nestjs/core';
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

/**
 * A route's metadata under `key`, the handler's over its class's (as `Reflector.getAllAndOverride`), read
 * once per route: metadata never changes after boot, and reading it through reflect-metadata on every
 * request cost a guard more than its own work.
 */
export class RouteMetadata<T> {
  private readonly byClass = new WeakMap<object, WeakMap<object, { value: T | undefined }>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: string,
  ) {}

  of(context: ExecutionContext): T | undefined {
    const handler = context.getHandler();
    const target = context.getClass();
    let byHandler = this.byClass.get(target);
    if (byHandler === undefined) {
      byHandler = new WeakMap();
      this.byClass.set(target, byHandler);
    }
    let known = byHandler.get(handler);
    if (known === undefined) {
      known = { value: this.reflector.getAllAndOverride<T | undefined>(this.key, [handler, target]) };
      byHandler.set(handler, known);
    }
    return known.value;
  }
}
