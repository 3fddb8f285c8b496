import type { CaseKind, CaseStatus, Purpose, ScreeningCriterion, Term } from '@unblock/domain';

/** A campaign the enterprise may publish a need in. */
export class PortalCampaignResponse {
  id!: string;
  name!: string;
}

/** The enterprise behind the link, and where it may publish a need. */
export class PortalMeResponse {
  enterpriseId!: string;
  enterpriseName!: string;
  regionName!: string;
  /** When the link stops working. */
  linkExpiresAt!: string;
  /** The campaigns running now that cover the enterprise's region, the default (the narrowest) first. */
  campaigns!: PortalCampaignResponse[];
}

/** How a need ended, once it has: signed, closed, or declined by every bank it could go to. */
export type PortalOutcome = 'loan_signed' | 'closed' | 'declined';

/** A loan the enterprise signed, as its page shows it: when it matures, and whether it may be renewed. */
export class PortalLoanResponse {
  id!: string;
  contractNo!: string;
  /** Yuan, a decimal string. */
  amount!: string;
  signedOn!: string;
  maturesOn!: string | null;
  bankName!: string;
  /** Whether the enterprise may apply for its renewal now (it matures today or later, none applied for). */
  renewable!: boolean;
  /** The renewal applied for (its case number), if any. */
  renewalCaseId!: string | null;
  renewalCaseNumber!: string | null;
}

/** One of the enterprise's needs, as its page shows it. */
export class PortalCaseResponse {
  id!: string;
  number!: string;
  /** `need`, or `renewal` (续贷) of a loan. */
  kind!: CaseKind;
  status!: CaseStatus;
  /** Yuan, a decimal string. */
  requestedAmount!: string;
  purpose!: Purpose;
  term!: Term;
  campaignName!: string;
  createdAt!: string;
  /** The bank working it (or holding it); null while it waits in a pool or has none. */
  bankName!: string | null;
  /** The bank's next deadline; null when none runs (or the clocks are paused). */
  dueAt!: string | null;
  outcome!: PortalOutcome | null;
  /** The reason of the last decline (a catalogue code), if any bank declined, and its name in plain words. */
  declineReason!: string | null;
  declineReasonName!: string | null;
  declineText!: string | null;
  /** How the cause can be repaired, in plain words, when the reason is repairable. */
  repairPath!: string | null;
  /** A screened-out need: the criteria it did not meet (none otherwise). */
  unmetCriteria!: ScreeningCriterion[];
  /** Whether the enterprise may now say whether the bank contacted it (a bank claimed it; not yet answered). */
  contactAnswerable!: boolean;
  /** The enterprise's answer: true confirmed, false disputed, null not given. */
  contactConfirmed!: boolean | null;
  /** Whether the enterprise may now rate the service (the outcome is known; not yet rated). */
  rateable!: boolean;
  score!: number | null;
  comment!: string | null;
  /** The loans signed on it. */
  loans!: PortalLoanResponse[];
}
