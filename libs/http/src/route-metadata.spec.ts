import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, Public, PUBLIC_ROUTE, RouteMetadata, Roles } from './decorators';

@Roles('supervisor')
class Supervised {
  @Roles('admin')
  own(): void {}

  inherited(): void {}
}

@Public()
class Open {}

function contextOf(target: object, handler: (...args: never[]) => unknown): ExecutionContext {
  return { getClass: () => target, getHandler: () => handler } as unknown as ExecutionContext;
}

describe('RouteMetadata', () => {
  const reflector = new Reflector();

  it("reads the handler's metadata over its class's, as Reflector.getAllAndOverride does", () => {
    const roles = new RouteMetadata<string[]>(reflector, ALLOWED_ROLES);
    expect(roles.of(contextOf(Supervised, Supervised.prototype.own))).toEqual(['admin']);
    expect(roles.of(contextOf(Supervised, Supervised.prototype.inherited))).toEqual(['supervisor']);
  });

  it('answers the same, read once, for every request of a route; each class on its own', () => {
    const spy = jest.spyOn(reflector, 'getAllAndOverride');
    const isPublic = new RouteMetadata<boolean>(reflector, PUBLIC_ROUTE);
    const handler = Supervised.prototype.inherited;
    for (let i = 0; i < 5; i += 1) {
      expect(isPublic.of(contextOf(Supervised, handler))).toBeUndefined();
      expect(isPublic.of(contextOf(Open, handler))).toBe(true);
    }
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
