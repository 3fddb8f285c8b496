import { CampaignFigures } from './campaign-figures';
import { FeedbackFigures } from './enterprise-feedback';
import { FunnelFigures } from './funnel-figures';
import { LoanOutcomeFigures } from './loan-outcomes';
import { RepairFigures } from './repair-figures';

/** The campaign figures, what the signed loans were, and the second diagnoses. */
export class SummaryFigures extends CampaignFigures {
  loanOutcomes!: LoanOutcomeFigures;
  /** The second diagnoses: repair tasks opened, repaired, not repairable, open and overdue, loans signed after. */
  repairs!: RepairFigures;
}

export class ChainFigures extends CampaignFigures {
  /** The enterprises' word on the chain's cases (contacts confirmed, disputes, ratings). */
  feedback!: FeedbackFigures;
  /** What the chain's signed loans were. */
  loanOutcomes!: LoanOutcomeFigures;
  chainId!: string;
  chainName!: string;
  regionCode!: string;
  leadBankId!: string;
  leadBankName!: string;
  deputyBankId!: string;
  deputyBankName!: string;
  /** The chain's leader enterprises (链主) now. */
  chainLeaders!: number;
}

export class BankFigures {
  bankId!: string;
  bankName!: string;
  /** Cases at the bank now. */
  casesAssigned!: number;
  claims!: number;
  claimsOnTime!: number;
  /** claimsOnTime / claims, 4 decimals. */
  claimOnTimeRate!: string | null;
  declines!: number;
  escalations!: number;
  intentionAmount!: string;
  signedAmount!: string;
  signedCount!: number;
  /** The bank's funnel: its cases that reached a claim, an approval, a contract; the declines it made, by reason. */
  funnel!: FunnelFigures;
  /** The enterprises' word on the bank's cases (contacts confirmed, disputes, ratings). */
  feedback!: FeedbackFigures;
  /** What the bank's signed loans were. */
  loanOutcomes!: LoanOutcomeFigures;
}
