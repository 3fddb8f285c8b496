import type { RoutingTier } from './case';

/** The "1+2+N" of an enterprise's chain. */
export interface ChainRouting {
  readonly leadBankId: string;
  readonly deputyBankId: string;
  /** The N: member institutions, who share the pool. */
  readonly memberOrgIds: readonly string[];
}

/** Where a case goes: one bank (tiers 1 and 2), or a pool whose members claim first come first served. */
export interface RouteTarget {
  readonly tier: RoutingTier;
  readonly bankId: string | null;
  readonly pool: readonly string[];
}

/**
 * The first target from `fromTier` on that has not declined the case: the chain's lead bank (tier 1),
 * its deputy (tier 2), then the pool of its members (tier 3). An enterprise with no chain goes straight to
 * the pool of its region's banks. Null when nobody is left: a supervisor must assign by hand.
 */
export function routeCase(
  chain: ChainRouting | null,
  regionalBanks: readonly string[],
  declined: readonly string[],
  fromTier: RoutingTier = 1,
): RouteTarget | null {
  const out = new Set(declined);
  if (chain !== null) {
    if (fromTier <= 1 && !out.has(chain.leadBankId)) return { tier: 1, bankId: chain.leadBankId, pool: [] };
    if (fromTier <= 2 && !out.has(chain.deputyBankId)) return { tier: 2, bankId: chain.deputyBankId, pool: [] };
  }
  const candidates = chain !== null ? chain.memberOrgIds : regionalBanks;
  const pool = [...new Set(candidates)].filter((id) => !out.has(id)).sort();
  return pool.length > 0 ? { tier: 3, bankId: null, pool } : null;
}

/** The tier a case moves on from when its holder declines or misses the claim deadline. */
export function nextTier(current: RoutingTier | null): RoutingTier {
  if (current === null || current === 1) return 2;
  return 3;
}
