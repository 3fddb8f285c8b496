import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { CASE_ACTIONS, STAFF_ROLES, rolesFor, type CaseAction, type Role } from '@unblock/domain';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '@unblock/http';
import { describeApi } from '../../apps/api/src/openapi/openapi-document';

/** An operation of the OpenAPI document, as `METHOD /path` with the document's `{param}` form. */
export type OperationKey = `${'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'} /${string}`;

/** Who may call an operation by the access rules: anyone, or the authenticated users of these roles. */
export type Allowed = 'public' | readonly Role[];

export interface Operation {
  readonly key: OperationKey;
  readonly operationId: string;
  /** Who the route's guards admit (`@Public()`, `@Roles(…)`), before anything is read. */
  readonly guard: Allowed;
  /** For a case action: the roles the lifecycle table lets take it, checked once the case is found. */
  readonly lifecycle?: readonly Role[];
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

/** The case action a `POST /cases/{id}/<segment>` takes, by the lifecycle table's name for it. */
const CASE_ACTION_OF_SEGMENT: Readonly<Record<string, CaseAction>> = {
  milestones: 'milestone',
  loans: 'sign',
  notes: 'note',
  screen: 'recommend',
  repairs: 'open_repair',
};

function caseActionOf(key: OperationKey): CaseAction | undefined {
  const match = /^POST \/api\/v1\/cases\/\{id\}\/([a-z-]+)$/u.exec(key);
  const segment = match?.[1];
  if (segment === undefined) return undefined;
  const action = CASE_ACTION_OF_SEGMENT[segment] ?? segment;
  return (CASE_ACTIONS as readonly string[]).includes(action) ? action : undefined;
}

/** The controllers of the app by class name, with their handlers. */
function controllersOf(app: INestApplication): Map<string, Type> {
  const byName = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as Type | null;
      if (type) byName.set(type.name, type);
    }
  }
  return byName;
}

/**
 * Every operation of the app's OpenAPI document with who may call it, read from the access rules the app
 * enforces: `@Public()` and `@Roles(…)` on the handler or its controller (no `@Roles`: the staff's
 * roles, every role but partner officers), and, for a case action, the lifecycle table's roles for it.
 */
export function operationsOf(app: INestApplication): Operation[] {
  const document = describeApi(app);
  const controllers = controllersOf(app);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}` as OperationKey;
      const operationId = operation.operationId ?? '';
      const [className, handlerName] = operationId.split('_');
      const controller = className === undefined ? undefined : controllers.get(className);
      const prototype = controller?.prototype as Record<string, unknown> | undefined;
      const handler = handlerName === undefined ? undefined : prototype?.[handlerName];
      if (!controller || typeof handler !== 'function') {
        throw new Error(`${key}: no handler for operation id ${operationId}`);
      }
      const meta = <T>(name: string): T | undefined =>
        (Reflect.getMetadata(name, handler) as T | undefined) ??
        (Reflect.getMetadata(name, controller) as T | undefined);
      const guard: Allowed =
        meta<boolean>(PUBLIC_ROUTE) === true ? 'public' : (meta<Role[]>(ALLOWED_ROLES) ?? STAFF_ROLES);
      const action = caseActionOf(key);
      operations.push({ key, operationId, guard, ...(action !== undefined ? { lifecycle: rolesFor(action) } : {}) });
    }
  }
  return operations;
}
