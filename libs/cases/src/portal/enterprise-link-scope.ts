import { EnterpriseEntity } from '@unblock/database';
import { DomainError, canReadRegion, type Actor } from '@unblock/domain';
import type { EntityManager } from 'typeorm';

/** The enterprise, when the actor's region covers it; else a 404. */
export async function enterpriseInScope(
  manager: EntityManager,
  actor: Actor,
  enterpriseId: string,
): Promise<EnterpriseEntity> {
  const enterprise = await manager.findOneBy(EnterpriseEntity, { id: enterpriseId });
  if (!enterprise || !canReadRegion(actor, enterprise.regionCode)) throw DomainError.notFound('enterprise');
  return enterprise;
}
