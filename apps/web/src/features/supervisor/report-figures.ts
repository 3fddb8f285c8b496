import type { LoanOutcomeFigures } from './loan-outcomes-table';
import type { Bottleneck, CaseStatus } from '../../api/types';

/**
 * The report figures. The API's document cannot describe them (they are plain classes), so they are named
 * here as `libs/reports` answers them: money is yuan as decimal strings, shares are 0–1 decimal strings.
 */
export interface CampaignFigures {
  visits: number;
  enterprisesVisited: number;
  needsDiagnosed: number;
  /** Needs by channel: found on a visit, by phone, from a list (申报清单), published by the enterprise. */
  needsBySource: Record<'visit' | 'phone' | 'list' | 'enterprise', number>;
  /** Distinct enterprises with a need. */
  enterprisesWithNeed: number;
  casesByStatus: Record<CaseStatus, number>;
  /** The screening of needs, in campaigns that require it (the summary's; the breakdowns have none). */
  screening?: { submitted: number; recommended: number; screenedOut: number };
  enterprisesFinanced: number;
  intentionAmount: string;
  signedAmount: string;
  signedCount: number;
  longTermShare: string | null;
  chainLeaderShare: string | null;
  claimsWithinSlaShare: string | null;
  medianBusinessDaysToClaim: number | null;
  medianBusinessDaysToSigning: number | null;
  topBottlenecks: { bottleneck: Bottleneck; count: number }[];
  funnel: FunnelFigures;
}

/**
 * The later stages of the funnel: needs that reached a claim (对接), an approval (授信), a contract (放款),
 * whatever their status now; the declines, by the catalogue's reason (`name` is what people read).
 * `repaired`: needs that came back repaired from a second diagnosis (二次诊断).
 */
export interface FunnelFigures {
  claimed: number;
  approved: number;
  signed: number;
  declined: number;
  declinesByReason: { reason: string; name: string; count: number }[];
  repaired: number;
}

/** The funnel of one child region of the summary's region. */
export interface RegionFunnel {
  regionCode: string;
  regionName: string;
  visits: number;
  needsDiagnosed: number;
  needsBySource: CampaignFigures['needsBySource'];
  screening: { submitted: number; recommended: number; screenedOut: number };
  funnel: FunnelFigures;
  signedAmount: string;
  signedCount: number;
}

/** The summary: the region's figures and what its signed loans were. */
export interface SummaryFigures extends CampaignFigures {
  /** What the signed loans were (absent from an older API). */
  loanOutcomes?: LoanOutcomeFigures;
}

/** The enterprises' word on a bank's or chain's cases, from their own page. */
export interface FeedbackFigures {
  contactAnswers: number;
  contactsConfirmed: number;
  contactConfirmedShare: string | null;
  disputes: number;
  ratings: number;
  /** The mean score 1–5, 2 decimals. */
  averageRating: string | null;
}

export interface ChainFigures extends CampaignFigures {
  feedback: FeedbackFigures;
  chainId: string;
  chainName: string;
  regionCode: string;
  leadBankId: string;
  leadBankName: string;
  deputyBankId: string;
  deputyBankName: string;
  chainLeaders: number;
}

export interface BankFigures {
  bankId: string;
  bankName: string;
  casesAssigned: number;
  claims: number;
  claimsOnTime: number;
  claimOnTimeRate: string | null;
  declines: number;
  escalations: number;
  intentionAmount: string;
  signedAmount: string;
  signedCount: number;
  funnel: FunnelFigures;
  feedback: FeedbackFigures;
}

export type FunnelStep = 'visited' | 'needs' | 'submitted' | 'recommended' | 'matched' | 'approved' | 'signed';

/**
 * The funnel, in counts only (amounts are never mixed in): enterprises visited → needs → matched (a bank took
 * it up) → credit approved → loan signed, each a number of enterprises or of needs (the needs that reached the
 * stage, whatever their status now); where needs were screened,
 * the needs submitted (申报清单) and recommended (推荐清单) come between needs and matched.
 */
export function funnelSteps(
  summary: Pick<CampaignFigures, 'enterprisesVisited' | 'needsDiagnosed' | 'screening' | 'funnel'>,
): { step: FunnelStep; count: number }[] {
  return [
    { step: 'visited', count: summary.enterprisesVisited },
    { step: 'needs', count: summary.needsDiagnosed },
    ...(summary.screening && summary.screening.submitted > 0
      ? [
          { step: 'submitted' as const, count: summary.screening.submitted },
          { step: 'recommended' as const, count: summary.screening.recommended },
        ]
      : []),
    { step: 'matched', count: summary.funnel.claimed },
    { step: 'approved', count: summary.funnel.approved },
    { step: 'signed', count: summary.funnel.signed },
  ];
}

/** A 0–1 share as a percentage with one decimal, or a dash. */
export function percent(share: string | null): string {
  if (share === null) return '—';
  return `${(Number(share) * 100).toFixed(1)}%`;
}
