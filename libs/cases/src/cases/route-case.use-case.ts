import { Injectable } from '@nestjs/common';
import type { Actor } from '@unblock/domain';
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

/** Routes a diagnosed case by the "1+2+N" rule: lead bank, deputy, pool. */
@Injectable()
export class RouteCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly router: CaseRouter,
  ) {}

  execute(command: RouteCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'route' }, async ({ manager, case: c }) => {
      const route = await planRoute(this.router, manager, c, 1);
      return { ...route, event: { type: 'routed', data: route.hop } };
    });
  }
}
