import { Injectable } from '@nestjs/common';
import { DomainError, normalizeMoney, type Actor, type Milestone } from '@unblock/domain';
import { requireClaimer } from './claimer';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface RecordMilestoneCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly type: Milestone;
  /** Required with `intention`. */
  readonly intentionAmount?: string | undefined;
  readonly note?: string | undefined;
}

/** The claimer records progress: contacted (meets the first-contact deadline), due diligence, an intention. */
@Injectable()
export class RecordMilestoneUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: RecordMilestoneCommand): Promise<CaseResponse> {
    if (command.type === 'intention' && command.intentionAmount === undefined) {
      throw DomainError.invalid('intentionAmount', 'is required for an intention');
    }
    if (command.type !== 'intention' && command.intentionAmount !== undefined) {
      throw DomainError.invalid('intentionAmount', 'goes with an intention only');
    }
    return this.transitions.apply({ ...command, action: 'milestone' }, ({ actor, case: c }) => {
      requireClaimer(c, actor);
      const intentionAmount =
        command.intentionAmount === undefined ? undefined : normalizeMoney(command.intentionAmount);
      return {
        set: intentionAmount === undefined ? {} : { intentionAmount },
        obligations: command.type === 'contacted' ? { meet: ['first_contact'] } : undefined,
        event: {
          type: `milestone.${command.type}`,
          data: { milestone: command.type, intentionAmount: intentionAmount ?? null, note: command.note ?? null },
        },
      };
    });
  }
}
