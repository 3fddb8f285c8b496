import type { RoutingTier } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import type { CasePatch, ObligationChanges } from '../cases/case-transitions';
import type { CaseRouter } from './case-router';

export interface RoutePlan {
  readonly set: CasePatch;
  readonly pool: readonly string[];
  readonly obligations: ObligationChanges;
  readonly outbox: readonly { type: string; runAt: Date; payload: Record<string, unknown> }[];
  /** What the timeline records of the hop. */
  readonly hop: Record<string, unknown>;
}

/**
 * Sends a case to its next holder from `fromTier` on: a bank (tiers 1, 2) or a pool (tier 3), with a new
 * claim deadline. When nobody is left, the case waits at tier 3 with an empty pool for a supervisor, and an
 * `case.unroutable` message goes out.
 */
export async function planRoute(
  router: CaseRouter,
  manager: EntityManager,
  subject: { chainId: string | null; regionCode: string; declinedOrgIds: readonly string[] },
  fromTier: RoutingTier,
  now: Date,
): Promise<RoutePlan> {
  const target = await router.target(manager, subject, fromTier);
  if (target === null) {
    return {
      set: { routingTier: 3, assignedBankId: null, claimedByUserId: null, declinedOrgIds: [...subject.declinedOrgIds] },
      pool: [],
      obligations: { cancelOpen: true },
      outbox: [{ type: 'case.unroutable', runAt: now, payload: { declinedOrgIds: [...subject.declinedOrgIds] } }],
      hop: { tier: 3, bankId: null, pool: [], unroutable: true },
    };
  }
  return {
    set: {
      routingTier: target.tier,
      assignedBankId: target.bankId,
      claimedByUserId: null,
      declinedOrgIds: [...subject.declinedOrgIds],
    },
    pool: target.pool,
    obligations: { cancelOpen: true, open: ['claim'] },
    outbox: [],
    hop: { tier: target.tier, bankId: target.bankId, pool: target.pool },
  };
}
