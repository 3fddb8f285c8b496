import type { EnterpriseEntity } from '@unblock/database';
import type { ChainRole, EnterpriseSize, EnterpriseTag } from '@unblock/domain';

export class EnterpriseResponse {
  id!: string;
  /** Unified social credit code, normalized. */
  uscc!: string;
  name!: string;
  regionCode!: string;
  chainId!: string | null;
  chainRole!: ChainRole | null;
  size!: EnterpriseSize;
  tags!: EnterpriseTag[];
  createdAt!: string;
  updatedAt!: string;
}

export function toEnterpriseResponse(enterprise: EnterpriseEntity): EnterpriseResponse {
  return {
    id: enterprise.id,
    uscc: enterprise.uscc,
    name: enterprise.name,
    regionCode: enterprise.regionCode,
    chainId: enterprise.chainId,
    chainRole: enterprise.chainRole,
    size: enterprise.size,
    tags: [...enterprise.tags].sort(),
    createdAt: enterprise.createdAt.toISOString(),
    updatedAt: enterprise.updatedAt.toISOString(),
  };
}
