import { Injectable } from '@nestjs/common';
import type { Actor } from '@unblock/domain';
import { requireClaimer } from './claimer';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface ReleaseCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly note?: string | undefined;
}

/** The claimer hands the case back to their bank's queue (same bank); the claim clock starts again. */
@Injectable()
export class ReleaseCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: ReleaseCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'release' }, ({ actor, case: c }) => {
      requireClaimer(c, actor);
      return {
        set: { claimedByUserId: null },
        obligations: { cancelOpen: true, open: ['claim'] },
        event: { type: 'released', data: { bankId: c.assignedBankId, note: command.note ?? null } },
      };
    });
  }
}
