import { whereInScope } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A bank manager's cases at their bank (parameter `visibleOrg`). */
export function atBank(alias: string): string {
  return `${alias}.assignedBankId = :visibleOrg`;
}

/** The pooled cases a bank manager's organization may claim (parameter `visibleOrg`). */
export function inOpenPool(alias: string): string {
  return `${alias}.assignedBankId IS NULL AND ${alias}.status = 'assigned'
    AND EXISTS (SELECT 1 FROM case_pool_members pm WHERE pm.case_id = ${alias}.id AND pm.organization_id = :visibleOrg)`;
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
  return whereInScope(qb, actor, `${alias}.regionCode`);
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
