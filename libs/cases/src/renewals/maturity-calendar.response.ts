import type { CaseStatus, LoanRenewal } from '@unblock/domain';

/** The renewal case of a maturing contract. */
export class MaturityRenewalCaseResponse {
  id!: string;
  number!: string;
  status!: CaseStatus;
  requestedRenewal!: Exclude<LoanRenewal, 'none'>;
}

/** One contract of the maturity calendar. */
export class MaturingContractResponse {
  id!: string;
  contractNo!: string;
  /** Yuan, a decimal string. */
  amount!: string;
  signedOn!: string;
  maturesOn!: string;
  /** Business days from today to the maturity date (0 on the day itself). */
  businessDaysLeft!: number;
  bankId!: string;
  bankName!: string;
  /** The case the loan was signed on. */
  caseId!: string;
  caseNumber!: string;
  enterpriseId!: string;
  enterpriseName!: string;
  regionCode!: string;
  /** The renewal (续贷) applied for, if any (a closed one does not count). */
  renewalCase!: MaturityRenewalCaseResponse | null;
}

/** The contracts maturing in one week (Monday to Sunday) and their sum. */
export class MaturityWeekResponse {
  /** The Monday the week starts on. */
  weekOf!: string;
  count!: number;
  /** Yuan, a decimal string. */
  amount!: string;
  /** How many of them have a renewal applied for. */
  renewals!: number;
}

/** The maturity calendar of a window of days. */
export class MaturityCalendarResponse {
  from!: string;
  to!: string;
  items!: MaturingContractResponse[];
  /** Weeks with contracts maturing, in order. */
  weeks!: MaturityWeekResponse[];
  /** Whether the window holds more contracts than the items (at most 1000). */
  truncated!: boolean;
}
