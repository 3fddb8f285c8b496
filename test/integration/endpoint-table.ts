import type { Role } from '@unblock/domain';
import type { World } from '../support/fixtures';

/** A bad request to an endpoint of the table, and the field its answer must name. */
export interface BadRequest {
  readonly why: string;
  readonly body: (w: World) => Record<string, unknown>;
  readonly field: string;
  /** 400 unless said otherwise. */
  readonly status?: number;
}

/** One endpoint of the table: who may call it, a valid request, and bad requests. */
export interface Endpoint {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly url: (w: World) => string;
  readonly roles: readonly Role[] | 'public';
  readonly success: number;
  readonly body?: (w: World) => Record<string, unknown>;
  readonly bad?: readonly BadRequest[];
  /** Tables whose row counts a refused request must leave as they were. */
  readonly tables?: readonly string[];
}

/** The campaign's staff: every role but partner officers, who reach only their own account and repair tasks. */
export const EVERYONE: readonly Role[] = ['admin', 'field_officer', 'bank_manager', 'supervisor'];
/** Every signed-in user, partner officers included: their own account and inbox. */
export const ANY_ROLE: readonly Role[] = [...EVERYONE, 'partner_officer'];
export const ADMIN: readonly Role[] = ['admin'];
export const NOT_A_UUID = 'not-a-uuid';
/** A well-formed id that no row has. */
export const NOBODY = '00000000-0000-4000-8000-000000000000';
