import { Injectable } from '@nestjs/common';
import { DomainError, normalizeMoney, type Actor } from '@unblock/domain';
import { requireClaimer } from './claimer';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface ApproveCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  /** The credit approved (授信金额), yuan as a decimal string. */
  readonly approvedAmount?: string | undefined;
  readonly note?: string | undefined;
}

/**
 * The claimer's bank approves the financing, once it has contacted the enterprise (the first-contact
 * deadline is met): the decision deadline is met, the signing one opens.
 */
@Injectable()
export class ApproveCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: ApproveCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'approve' }, ({ actor, case: c, open }) => {
      requireClaimer(c, actor);
      if (open.some((o) => o.obligation === 'first_contact')) {
        throw DomainError.conflict(
          'the enterprise must be contacted (a contacted milestone) before approval',
          undefined,
          {
            currentStatus: c.status,
          },
        );
      }
      const approvedAmount = command.approvedAmount === undefined ? null : normalizeMoney(command.approvedAmount);
      return {
        obligations: { meet: ['decision'], open: ['signing'] },
        event: { type: 'approved', data: { bankId: c.assignedBankId, approvedAmount, note: command.note ?? null } },
      };
    });
  }
}
