import { Injectable } from '@nestjs/common';
import { OrganizationEntity } from '@unblock/database';
import { DomainError, type Actor } from '@unblock/domain';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface ReassignCaseCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly bankId: string;
  readonly note?: string | undefined;
}

/** A supervisor assigns an open case to a bank by hand; the claim clock starts again. */
@Injectable()
export class ReassignCaseUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: ReassignCaseCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'reassign' }, async ({ manager, case: c }) => {
      const bank = await manager.findOneBy(OrganizationEntity, { id: command.bankId });
      if (!bank || bank.kind !== 'bank') throw DomainError.invalid('bankId', 'no bank has this id');
      return {
        set: { assignedBankId: bank.id, claimedByUserId: null, routingTier: c.routingTier ?? 3, pausedAt: null },
        pool: [],
        obligations: { cancelOpen: true, open: ['claim'] },
        event: {
          type: 'reassigned',
          data: { fromBankId: c.assignedBankId, toBankId: bank.id, note: command.note ?? null },
        },
      };
    });
  }
}
