import { readScope, regionCodeRange, type Actor } from '@unblock/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NamedParams, type Param } from '../sql-params';

/**
 * Who may see a case, written once: the conditions on the cases of `alias` whose disjunction is what the
 * actor sees, their values added through `param`. A bank manager: the cases now at their bank, and the
 * pooled cases their organization may claim (two conditions, so that a work queue can read each in order
 * from its own index); nothing else exists for them (404, never 403). Field officers and supervisors: their
 * region and its descendants. Partner officers: the cases their organization holds a repair task of. Admins:
 * every case.
 */
export function caseVisibility(actor: Actor, alias: string, param: Param): string[] {
  if (actor.role === 'bank_manager') {
    const org = `CAST(${param(actor.organizationId)} AS uuid)`;
    return [
      `${alias}.assigned_bank_id = ${org}`,
      `${alias}.assigned_bank_id IS NULL AND ${alias}.status = 'assigned'
       AND EXISTS (SELECT 1 FROM case_pool_members pm WHERE pm.case_id = ${alias}.id AND pm.organization_id = ${org})`,
    ];
  }
  if (actor.role === 'partner_officer') {
    return [
      `EXISTS (SELECT 1 FROM repair_tasks rt WHERE rt.case_id = ${alias}.id
                 AND rt.organization_id = CAST(${param(actor.organizationId)} AS uuid))`,
    ];
  }
  const scope = readScope(actor);
  if (scope === null) return ['true'];
  const [low, high] = regionCodeRange(scope);
  return [`${alias}.region_code BETWEEN ${param(low)} AND ${param(high)}`];
}

/** The rule as one SQL condition, for a hand-written statement. */
export function caseVisibleSql(actor: Actor, alias: string, param: Param): string {
  const parts = caseVisibility(actor, alias, param);
  return parts.length === 1 ? `(${parts[0]})` : `(${parts.map((p) => `(${p})`).join(' OR ')})`;
}

/** The rule on a TypeORM query builder's cases of `alias`. */
export function whereCaseVisible<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  alias = 'c',
): SelectQueryBuilder<T> {
  const params = new NamedParams('caseVisible');
  return qb.andWhere(caseVisibleSql(actor, alias, params.add), params.values);
}

/** Each condition of the rule on its own query builder (a bank manager's queue reads two, merged). */
export function eachCaseVisibility<T extends ObjectLiteral>(
  actor: Actor,
  alias: string,
  query: () => SelectQueryBuilder<T>,
): SelectQueryBuilder<T>[] {
  const params = new NamedParams('caseVisible');
  return caseVisibility(actor, alias, params.add).map((part) => query().andWhere(`(${part})`, params.values));
}
