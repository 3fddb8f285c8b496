import type { RouteTarget, RoutingTier } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import type { CasePatch, ObligationChanges } from '../lifecycle/transition.types';
import type { CaseRouter, RouteSubject } from './case-router';

export interface RoutePlan {
  readonly set: CasePatch;
  readonly pool: readonly string[];
  readonly obligations: ObligationChanges;
  /** What the timeline records of the hop. */
  readonly hop: Record<string, unknown>;
}

/**
 * Sends a case to its next holder from `fromTier` on: a bank (tiers 1, 2) or a pool (tier 3), with a new
 * claim deadline. When nobody is left, the case waits at tier 3 with an empty pool; its claim deadline
 * then passes unmet and escalates it to level 2, for a supervisor to assign by hand.
 */
export async function planRoute(
  router: CaseRouter,
  manager: EntityManager,
  subject: RouteSubject,
  fromTier: RoutingTier,
): Promise<RoutePlan> {
  return routePlanOf(subject, await router.target(manager, subject, fromTier));
}

/** `planRoute` for many cases at once (their chains and regions read together), in order. */
export async function planRoutes(
  router: CaseRouter,
  manager: EntityManager,
  requests: readonly { readonly subject: RouteSubject; readonly fromTier: RoutingTier }[],
): Promise<RoutePlan[]> {
  const targets = await router.targets(manager, requests);
  return requests.map((r, i) => routePlanOf(r.subject, targets[i] ?? null));
}

/**
 * The route plan of a case no bank is left to take: in the pool with no member, where its claim deadline
 * escalates it to level 2 and a supervisor assigns it by hand or closes it.
 */
export function unroutablePlan(subject: RouteSubject): RoutePlan {
  return routePlanOf(subject, null);
}

/** The route plan of a case to a target (null: nobody is left). */
function routePlanOf(subject: RouteSubject, target: RouteTarget | null): RoutePlan {
  if (target === null) {
    return {
      set: { routingTier: 3, assignedBankId: null, claimedByUserId: null, declinedOrgIds: [...subject.declinedOrgIds] },
      pool: [],
      obligations: { cancelOpen: true, open: ['claim'] },
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
    hop: { tier: target.tier, bankId: target.bankId, pool: target.pool },
  };
}
