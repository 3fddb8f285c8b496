import { Injectable } from '@nestjs/common';
import type { Actor } from '@unblock/domain';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited, TransitionPlan, UnreadContext } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface ClaimCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
}

/**
 * The claim: the bank manager holds the case at their bank (where it waited, or where it goes from the
 * pool, whose members may then claim it no longer). It meets the claim deadline and opens the first
 * contact's and the decision's. Whether the case came from the pool shows in its routing tier (3).
 */
export function claimPlan({ actor }: UnreadContext): TransitionPlan {
  return {
    set: { claimedByUserId: actor.userId, assignedBankId: actor.organizationId },
    pool: [],
    obligations: { meet: ['claim'], open: ['first_contact', 'decision'] },
    event: { type: 'claimed', data: { bankId: actor.organizationId } },
  };
}

/**
 * A bank manager takes a case of their bank, or of a pool their organization belongs to. Exactly one of
 * any number of simultaneous claims wins: the conditional UPDATE on status and version decides; the others
 * answer 409. The busiest action of a bank's queue, it is taken in one round trip (`applyAtOnce`).
 */
@Injectable()
export class ClaimCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: ClaimCaseCommand): Promise<CaseResponse> {
    return this.transitions.applyAtOnce({ ...command, action: 'claim' }, claimPlan);
  }
}
