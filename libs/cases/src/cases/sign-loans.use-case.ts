import { Injectable } from '@nestjs/common';
import {
  ENTERPRISE_FIRST_SIGNING,
  FIRST_LOAN_LOCK,
  LOCK_ENTERPRISE_LOANS,
  LoanContractEntity,
  OrganizationEntity,
  UNMARK_LATER_FIRST_LOANS,
} from '@unblock/database';
import {
  DomainError,
  fromFen,
  loanTermsProblem,
  localDate,
  toFen,
  WEEKENDS_ONLY,
  type Actor,
  type LoanRenewal,
  type LoanSecurity,
  type PolicyInstrument,
} from '@unblock/domain';
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
  readonly maturesOn?: string | undefined;
  /** The bank's word that this is the enterprise's first loan from any bank. */
  readonly firstLoan?: boolean | undefined;
  readonly security?: LoanSecurity | undefined;
  readonly guaranteeInstitutionId?: string | undefined;
  readonly guaranteeFeeRatePct?: string | undefined;
  readonly renewal?: LoanRenewal | undefined;
  readonly policyInstruments?: readonly PolicyInstrument[] | undefined;
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
 * A contract the bank declares a first loan (首贷) counts as one only when no contract of the enterprise that
 * Unblock knows was signed on an earlier day; the enterprise's later contracts counted as first loans stop
 * being counted so (the bank's word is kept as `firstLoanDeclared`).
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
        const problem = loanTermsProblem(contract);
        if (problem !== null) throw DomainError.invalid(`contracts.${i}.${problem.field}`, problem.message);
        return { ...contract, bankId: contract.bankId ?? actor.organizationId ?? '' };
      });
      const bankIds = [...new Set(contracts.map((x) => x.bankId))];
      const banks = await manager.findBy(OrganizationEntity, { id: In(bankIds), kind: 'bank' });
      contracts.forEach((contract, i) => {
        if (!banks.some((b) => b.id === contract.bankId)) {
          throw DomainError.invalid(`contracts.${i}.bankId`, 'no bank has this id');
        }
      });
      const guarantorIds = [...new Set(contracts.flatMap((x) => x.guaranteeInstitutionId ?? []))];
      const guarantors =
        guarantorIds.length === 0
          ? []
          : await manager.findBy(OrganizationEntity, { id: In(guarantorIds), kind: 'guarantee_institution' });
      contracts.forEach((contract, i) => {
        const id = contract.guaranteeInstitutionId;
        if (id !== undefined && !guarantors.some((g) => g.id === id)) {
          throw DomainError.invalid(`contracts.${i}.guaranteeInstitutionId`, 'no guarantee institution has this id');
        }
      });
      await manager.query(LOCK_ENTERPRISE_LOANS, [FIRST_LOAN_LOCK, c.enterpriseId]);
      const [known] = await manager.query<{ first: string | null }[]>(ENTERPRISE_FIRST_SIGNING, [c.enterpriseId]);
      const earliest = [known?.first ?? null, ...contracts.map((x) => x.signedOn)]
        .filter((day): day is string => day !== null)
        .sort()[0];
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
              maturesOn: x.maturesOn ?? null,
              firstLoanDeclared: x.firstLoan === true,
              firstLoan: x.firstLoan === true && x.signedOn === earliest,
              security: x.security ?? null,
              guaranteeInstitutionId: x.guaranteeInstitutionId ?? null,
              guaranteeFeeRatePct: x.guaranteeFeeRatePct ?? null,
              renewal: x.renewal ?? updated.requestedRenewal ?? 'none',
              policyInstruments: [...(x.policyInstruments ?? [])],
            })),
          );
          if (earliest !== undefined) await m.query(UNMARK_LATER_FIRST_LOANS, [updated.enterpriseId, earliest]);
        },
      };
    });
  }
}
