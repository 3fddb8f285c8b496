import { IndustrialChainEntity, RegionEntity, requireReferenced } from '@unblock/database';
import { DomainError, type ChainRole } from '@unblock/domain';
import type { EntityManager } from 'typeorm';

/** The checks a create and an update share: the region exists, a chain exists and comes with a role. */
export async function checkEnterpriseReferences(
  manager: EntityManager,
  fields: {
    regionCode?: string | undefined;
    chainId?: string | null | undefined;
    chainRole?: ChainRole | null | undefined;
  },
): Promise<void> {
  if (fields.regionCode !== undefined) {
    await requireReferenced(manager, RegionEntity, { code: fields.regionCode }, 'regionCode', 'region');
  }
  const hasChain = fields.chainId !== undefined && fields.chainId !== null;
  const hasRole = fields.chainRole !== undefined && fields.chainRole !== null;
  if (hasChain && !hasRole) throw DomainError.invalid('chainRole', 'is required with a chainId');
  if (!hasChain && hasRole) throw DomainError.invalid('chainId', 'is required with a chainRole');
  if (hasChain && typeof fields.chainId === 'string') {
    await requireReferenced(manager, IndustrialChainEntity, { id: fields.chainId }, 'chainId', 'industrial chain');
  }
}
