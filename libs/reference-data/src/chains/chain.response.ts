import type { IndustrialChainEntity } from '@unblock/database';

export class IndustrialChainResponse {
  id!: string;
  name!: string;
  regionCode!: string;
  /** Tier 1 of the "1+2+N" routing. */
  leadBankId!: string;
  /** Tier 2. */
  deputyBankId!: string;
  /** The N: institutions that may claim the chain's cases from the pool (tier 3). */
  memberOrgIds!: string[];
  createdAt!: string;
}

export function toChainResponse(chain: IndustrialChainEntity): IndustrialChainResponse {
  return {
    id: chain.id,
    name: chain.name,
    regionCode: chain.regionCode,
    leadBankId: chain.leadBankId,
    deputyBankId: chain.deputyBankId,
    memberOrgIds: (chain.members ?? []).map((m) => m.id).sort(),
    createdAt: chain.createdAt.toISOString(),
  };
}
