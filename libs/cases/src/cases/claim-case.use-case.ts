import { Injectable } from '@nestjs/common';
import type { Actor } from '@unblock/domain';
import { CaseTransitions, type Audited } from './case-transitions';
import { CaseResponse } from './case.response';

export interface ClaimCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
}

/**
 * A bank manager takes a case of their bank, or of a pool their organization belongs to (the bank then
 * holds it). Exactly one of any number of simultaneous claims wins: the conditional UPDATE on status and
 * version decides; the others answer 409.
 */
@Injectable()
export class ClaimCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: ClaimCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'claim' }, ({ actor, case: c }) => ({
      set: { claimedByUserId: actor.userId, assignedBankId: c.assignedBankId ?? actor.organizationId },
      pool: c.assignedBankId === null ? [] : undefined,
      obligations: { meet: ['claim'], open: ['first_contact', 'decision'] },
      event: {
        type: 'claimed',
        data: { bankId: c.assignedBankId ?? actor.organizationId, fromPool: c.assignedBankId === null },
      },
    }));
  }
}
