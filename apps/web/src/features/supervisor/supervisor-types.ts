import type { Bottleneck, CaseStatus, Schemas } from '../../api/types';

export type Escalation = Schemas['EscalationResponse'];
export type EscalationStatus = Escalation['status'];
export type Obligation = Escalation['obligation'];
export type ReassignBody = Schemas['ReassignCaseDto'];
export type ExtendBody = Schemas['ExtendDeadlineDto'];
export type CloseBody = Schemas['CloseCaseDto'];
export type Resolution = CloseBody['resolution'];

export const ESCALATION_STATUSES = ['open', 'acknowledged', 'resolved'] as const satisfies readonly EscalationStatus[];
export const OBLIGATIONS = ['claim', 'first_contact', 'decision', 'signing'] as const satisfies readonly Obligation[];
export const RESOLUTIONS = [
  'resolved_elsewhere',
  'not_eligible',
  'withdrawn',
  'duplicate',
  'other',
] as const satisfies readonly Resolution[];

/**
 * The report figures. The API's document cannot describe them (they are plain classes), so they are named
 * here as `libs/reports` answers them: money is yuan as decimal strings, shares are 0–1 decimal strings.
 */
export interface CampaignFigures {
  visits: number;
  enterprisesVisited: number;
  needsDiagnosed: number;
  casesByStatus: Record<CaseStatus, number>;
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
}

export interface ChainFigures extends CampaignFigures {
  chainId: string;
  chainName: string;
  regionCode: string;
  leadBankId: string;
  leadBankName: string;
  deputyBankId: string;
  deputyBankName: string;
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
}

/** The cases that got past "claimed" (claimed now, or later in the lifecycle). */
export function claimedOrLater(byStatus: Record<CaseStatus, number>): number {
  return byStatus.claimed + byStatus.approved + byStatus.loan_signed;
}

/** A 0–1 share as a percentage with one decimal, or a dash. */
export function percent(share: string | null): string {
  if (share === null) return '—';
  return `${(Number(share) * 100).toFixed(1)}%`;
}

/** Seconds as "2d 3h", "3h 5m", "4m 10s" (units given by the caller's language). */
export function overdueText(seconds: number, units: { d: string; h: string; m: string; s: string }): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}${units.d} ${h}${units.h}`;
  if (h > 0) return `${h}${units.h} ${m}${units.m}`;
  return `${m}${units.m} ${s % 60}${units.s}`;
}
