import { whereInScope } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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
