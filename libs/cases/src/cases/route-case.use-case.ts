import { Injectable } from '@nestjs/common';
import { nextTier, type Actor } from '@unblock/domain';
import { CaseRouter } from '../routing/case-router';
import { planRoute } from '../routing/route-plan';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface RouteCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
}

/**
 * Routes a diagnosed case by the "1+2+N" rule: lead bank, deputy, pool. A case in its second diagnosis
 * whose repair did not come through is routed on from the tier that declined it.
 */
@Injectable()
export class RouteCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly router: CaseRouter,
  ) {}

  execute(command: RouteCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'route' }, async ({ manager, case: c }) => {
      if (c.status === 'repairing') {
        const route = await planRoute(this.router, manager, c, c.routingTier === 3 ? 3 : nextTier(c.routingTier));
        return { ...route, event: { type: 'routed', data: { ...route.hop, afterRepair: true } } };
      }
      const route = await planRoute(this.router, manager, c, 1);
      return { ...route, event: { type: 'routed', data: route.hop } };
    });
  }
}
