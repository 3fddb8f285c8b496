import { Injectable } from '@nestjs/common';
import type { CaseEntity } from '@unblock/database';
import { nextTier, type DomainError } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import { SYSTEM_ACTOR } from '../lifecycle/transition.types';
import { CaseRouter } from '../routing/case-router';
import { planRoutes, type RoutePlan } from '../routing/route-plan';

/**
 * Claim deadlines missed at a bank: the system's `claim_timeout` moves each case on to its next holder by
 * "1+2+N" (lead → deputy → pool), and the timeline records from where.
 */
@Injectable()
export class TimeOutClaimsUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly router: CaseRouter,
  ) {}

  /**
   * In the caller's transaction, set-based: answers, in order, each case as moved or the error its
   * transition met. The cases in `raise` take escalation level 1 with their move (one write of the case).
   */
  executeIn(
    manager: EntityManager,
    cases: readonly CaseEntity[],
    raise: ReadonlySet<string>,
  ): Promise<(CaseEntity | DomainError)[]> {
    return this.transitions.applyManyIn(
      manager,
      cases.map((c) => ({ caseId: c.id, action: 'claim_timeout', actor: SYSTEM_ACTOR, system: true })),
      async (contexts) => {
        const routes = await planRoutes(
          this.router,
          manager,
          contexts.map((x) => ({ subject: x.case, fromTier: nextTier(x.case.routingTier) })),
        );
        return contexts.map((x, i) => {
          const c = x.case;
          // A renewal stays at the bank that holds the loan (no other bank can renew it), on a fresh claim clock.
          const route: RoutePlan | undefined =
            c.kind === 'renewal'
              ? {
                  set: { claimedByUserId: null },
                  pool: [],
                  obligations: { cancelOpen: true, open: ['claim'] },
                  hop: { tier: c.routingTier, bankId: c.assignedBankId, pool: [], renewal: true },
                }
              : routes[i];
          if (route === undefined) throw new Error('a route per case');
          return {
            ...route,
            set: raise.has(c.id) ? { ...route.set, escalationLevel: Math.max(c.escalationLevel, 1) } : route.set,
            event: {
              type: 'claim_deadline_missed',
              data: { fromTier: c.routingTier, fromBankId: c.assignedBankId, next: route.hop },
            },
          };
        });
      },
    );
  }
}
