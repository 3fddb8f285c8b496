import { Injectable } from '@nestjs/common';
import { DomainError, nextTier, type Actor, type DeclineReason } from '@unblock/domain';
import { CaseRouter } from '../routing/case-router';
import { planRoute } from '../routing/route-plan';
import { requireClaimer } from './claimer';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface DeclineCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly reason: DeclineReason;
  readonly text?: string | undefined;
}

/**
 * The holding bank (or a pool member) declines with a reason; the case moves to the next tier: lead →
 * deputy → pool. A pool member's decline takes it out of the pool.
 */
@Injectable()
export class DeclineCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly router: CaseRouter,
  ) {}

  execute(command: DeclineCaseCommand): Promise<CaseResponse> {
    if (command.reason === 'other' && (command.text === undefined || command.text.trim() === '')) {
      throw DomainError.invalid('text', 'is required when the reason is other');
    }
    return this.transitions.apply({ ...command, action: 'decline' }, async ({ manager, actor, case: c }) => {
      if (c.status !== 'assigned') requireClaimer(c, actor);
      const organizationId = actor.organizationId ?? '';
      const declined = [...new Set([...c.declinedOrgIds, organizationId])];
      const fromTier = c.routingTier === 3 ? 3 : nextTier(c.routingTier);
      const route = await planRoute(this.router, manager, { ...c, declinedOrgIds: declined }, fromTier);
      return {
        ...route,
        event: {
          type: 'declined',
          data: {
            reason: command.reason,
            text: command.text ?? null,
            byOrganizationId: organizationId,
            fromTier: c.routingTier,
            next: route.hop,
          },
        },
      };
    });
  }
}
