import { Injectable } from '@nestjs/common';
import { LoanContractEntity, OrganizationEntity } from '@unblock/database';
import { DomainError, fromFen, localDate, toFen, WEEKENDS_ONLY, type Actor } from '@unblock/domain';
import { In } from 'typeorm';
import { CaseTransitions } from '../lifecycle/case-transitions.service';
import type { Audited } from '../lifecycle/transition.types';
import { CaseResponse } from './case.response';

export interface LoanContractInput {
  /** The signing bank; the caller's own bank when left out (another bank for coordinated service). */
  readonly bankId?: string | undefined;
  readonly amount: string;
  readonly annualRatePct: string;
  readonly termMonths: number;
  readonly signedOn: string;
  readonly contractNo: string;
}

export interface SignLoansCommand extends Audited {
  readonly caseId: string;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  readonly contracts: readonly LoanContractInput[];
}

/**
 * Records signed loan contracts, from one bank or several serving the enterprise together; the case is
 * `loan_signed` and `signedAmount` is the exact sum of its contracts (integer fen, never a float).
 */
@Injectable()
export class SignLoansUseCase {
  constructor(private readonly transitions: CaseTransitions) {}

  execute(command: SignLoansCommand): Promise<CaseResponse> {
    return this.transitions.apply({ ...command, action: 'sign' }, async ({ manager, actor, case: c, now }) => {
      if (c.status === 'approved' && c.claimedByUserId !== actor.userId) {
        throw new DomainError('forbidden', 'only the manager who claimed the case may sign it');
      }
      const today = localDate(now, WEEKENDS_ONLY);
      const contracts = command.contracts.map((contract, i) => {
        if (contract.signedOn > today) {
          throw DomainError.invalid(`contracts.${i}.signedOn`, 'must not be in the future');
        }
        return { ...contract, bankId: contract.bankId ?? actor.organizationId ?? '' };
      });
      const bankIds = [...new Set(contracts.map((x) => x.bankId))];
      const banks = await manager.findBy(OrganizationEntity, { id: In(bankIds), kind: 'bank' });
      contracts.forEach((contract, i) => {
        if (!banks.some((b) => b.id === contract.bankId)) {
          throw DomainError.invalid(`contracts.${i}.bankId`, 'no bank has this id');
        }
      });
      const added = contracts.reduce((sum, x) => sum + toFen(x.amount), 0n);
      const signedAmount = fromFen(toFen(c.signedAmount) + added);
      return {
        set: { signedAmount },
        obligations: { meet: ['signing'] },
        event: {
          type: 'loans_signed',
          data: { contracts: contracts.length, amount: fromFen(added), signedAmount, bankIds },
        },
        after: async (m, updated) => {
          await m.insert(
            LoanContractEntity,
            contracts.map((x) => ({
              caseId: updated.id,
              bankId: x.bankId,
              amount: fromFen(toFen(x.amount)),
              annualRatePct: x.annualRatePct,
              termMonths: x.termMonths,
              signedOn: x.signedOn,
              contractNo: x.contractNo,
            })),
          );
        },
      };
    });
  }
}
