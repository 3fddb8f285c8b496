import { whereInScope } from '@unblock/database';
import { readScope, regionCodeRange, type Actor } from '@unblock/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A bank manager's cases at their bank (`org`: the SQL of their organization's id, `:visibleOrg` by default). */
export function atBank(alias: string, org = ':visibleOrg'): string {
  return `${alias}.assigned_bank_id = ${org}`;
}

/** The pooled cases a bank manager's organization may claim (`org` as for `atBank`). */
export function inOpenPool(alias: string, org = ':visibleOrg'): string {
  return `${alias}.assigned_bank_id IS NULL AND ${alias}.status = 'assigned'
    AND EXISTS (SELECT 1 FROM case_pool_members pm WHERE pm.case_id = ${alias}.id AND pm.organization_id = ${org})`;
}

/**
 * Which cases an actor sees. A bank manager: the cases now at their bank, and the pooled cases their
 * organization may claim; nothing else exists for them (404, never 403). Field officers and supervisors:
 * their region and its descendants. Admins: all.
 */
export function whereCaseVisible<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  alias = 'c',
): SelectQueryBuilder<T> {
  if (actor.role === 'bank_manager') {
    return qb.andWhere(`(${atBank(alias)} OR (${inOpenPool(alias)}))`, { visibleOrg: actor.organizationId });
  }
  return whereInScope(qb, actor, `${alias}.region_code`);
}

/**
 * The same rule as `whereCaseVisible`, as an SQL condition on the cases of `alias` for a hand-written
 * statement: its values are appended to `params` and named by position (`$n`).
 */
export function caseVisibleSql(actor: Actor, params: unknown[], alias = 'c'): string {
  const $ = (value: unknown): string => `$${params.push(value)}`;
  if (actor.role === 'bank_manager') {
    const org = $(actor.organizationId);
    return `(${atBank(alias, org)} OR (${inOpenPool(alias, org)}))`;
  }
  const scope = readScope(actor);
  if (scope === null) return 'true';
  const [low, high] = regionCodeRange(scope);
  return `${alias}.region_code BETWEEN ${$(low)} AND ${$(high)}`;
}

/**
 * Which visits an actor sees: a bank manager, the visits of their bank's managers; field officers and
 * supervisors, their region; admins, all.
 */
export function whereVisitVisible<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  alias = 'v',
): SelectQueryBuilder<T> {
  if (actor.role === 'bank_manager') {
    return qb.andWhere(`${alias}.visitorOrganizationId = :visitOrg`, { visitOrg: actor.organizationId });
  }
  return whereInScope(qb, actor, `${alias}.regionCode`);
}
