import { Injectable } from '@nestjs/common';
import type { Actor } from '@unblock/domain';
import { requireClaimer } from './claimer';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface ApproveCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly note?: string | undefined;
}

/** The claimer's bank approves the financing: the decision deadline is met, the signing one opens. */
@Injectable()
export class ApproveCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: ApproveCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'approve' }, ({ actor, case: c }) => {
      requireClaimer(c, actor);
      return {
        obligations: { meet: ['decision', 'first_contact'], open: ['signing'] },
        event: { type: 'approved', data: { bankId: c.assignedBankId, note: command.note ?? null } },
      };
    });
  }
}
