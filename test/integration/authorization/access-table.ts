import type { Role } from '@unblock/domain';
import type { Operation, OperationKey } from '../../support/access-rules';
import type { AccessContext, Scope } from './access-context';

/** A request of a row, made for a role on an object in or out of its scope. */
export interface Call {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Record<string, string>;
  /** For a list: the id of the object the list holds when the caller may read it. */
  readonly listed?: string;
  /**
   * The token to call with instead of the role's caller's (a row that changes the caller's own account);
   * null: none (a route with a secret of its own in `headers`).
   */
  readonly token?: string | null;
  /** For figures: the same request about an object that does not exist. */
  readonly unknown?: string;
}

/**
 * How an operation's objects are scoped:
 * - `scoped`: by the caller's region (officers, supervisors) or bank (bank managers); admins see all;
 * - `own`: what the caller made (their imports); admins read everyone's;
 * - `personal`: the caller's alone, an admin's too (their inbox); out of scope is another user's;
 * - `self`: the caller's session or an upload, with no object of anyone else's: out of scope is the same call;
 * - `figures`: figures kept to the caller's scope: out of scope, the other side's campaign answers exactly as a
 *   campaign that does not exist (nothing of it shows, not even that it is there); admins see all;
 * - `global`: reference data every role reads and only admins write; out of scope is the other province's
 *   object, and answers as in scope.
 * - `portal`: an enterprise's own page, reached by its link's token whoever calls (no bearer token): in scope
 *   is the enterprise's own case, out of scope another enterprise's (404).
 */
export type ScopeKind = 'scoped' | 'own' | 'personal' | 'self' | 'figures' | 'global' | 'portal';

/** One row of the authorization table: an operation, how to call it, and what its objects' scope is. */
export interface AccessRow {
  readonly operation: OperationKey;
  readonly scope: ScopeKind;
  /** The status of a call that passes: a role the rules allow, on an object in its scope. */
  readonly success: number;
  /** Where a use case answers otherwise for a role the route admits, on an object in scope (and why, in a comment). */
  readonly inScope?: Partial<Record<Role, number>>;
  /** For a list: the roles that cannot read the object even in scope (their list answers without it). */
  readonly hidden?: readonly Role[];
  /** Out of scope, for a role the rules allow (admins excepted: they answer as in scope). Default: 404. */
  readonly outOfScope?: number;
  /** The call a role makes on an object in or out of its scope, prepared fresh for it. */
  readonly call: (ctx: AccessContext, scope: Scope, role: Role) => Promise<Call>;
}

/** What a call of a row must answer: its status and, for a list, whether it holds the object. */
export interface Expected {
  readonly status: number;
  readonly listed?: boolean;
  /** For figures out of scope: whether the answer is the one about an object that does not exist. */
  readonly asUnknown?: boolean;
}

/**
 * The answer the access rules and the row's scope call for. The route's guard answers first (403); then
 * the object: out of the caller's scope it is not there (404, so that its existence does not leak); then
 * the lifecycle table's roles (403); then the row's own answer.
 */
export function expectedOf(row: AccessRow, operation: Operation, role: Role, scope: Scope, isList: boolean): Expected {
  const { guard, lifecycle } = operation;
  if (guard === 'public') {
    return { status: row.scope === 'portal' && scope === 'out of scope' ? (row.outOfScope ?? 404) : row.success };
  }
  if (!guard.includes(role)) return { status: 403 };
  const inScope = row.inScope?.[role] ?? row.success;
  const reaches =
    scope === 'in scope' ||
    row.scope === 'global' ||
    row.scope === 'self' ||
    (role === 'admin' && row.scope !== 'personal');
  if (isList) return { status: inScope, listed: inScope === 200 && reaches && !row.hidden?.includes(role) };
  if (!reaches && row.scope === 'figures') return { status: inScope, asUnknown: true };
  if (!reaches) return { status: row.outOfScope ?? 404 };
  if (lifecycle !== undefined && !lifecycle.includes(role)) return { status: row.inScope?.[role] ?? 403 };
  return { status: inScope };
}
