import { CalendarEntity, SlaPolicyEntity } from '@unblock/database';
import {
  BOTTLENECKS,
  CASE_SOURCES,
  CASE_STATUSES,
  WEEKENDS_ONLY,
  businessCalendar,
  businessDaysBetween,
  fromFen,
  toFen,
  type Bottleneck,
  type BusinessCalendar,
  type CaseSource,
  type CaseStatus,
} from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { FunnelFigures, funnelOf } from './funnel-figures';
import { Params, type ReportFilter } from './report-filter';

/** Needs by where they came from. */
export class NeedsBySource {
  visit!: number;
  phone!: number;
  list!: number;
  enterprise!: number;
}

/**
 * The screening of needs (申报清单 → 推荐清单) in campaigns that require it: the needs submitted (waiting,
 * recommended or screened out), those recommended to the banks, those screened out.
 */
export class ScreeningFigures {
  submitted!: number;
  recommended!: number;
  screenedOut!: number;
}

export class BottleneckCount {
  bottleneck!: Bottleneck;
  count!: number;
}

/** The figures the regulators publish of a campaign. Money is yuan as decimal strings; shares are 0–1 with 4 decimals. */
export class CampaignFigures {
  visits!: number;
  enterprisesVisited!: number;
  needsDiagnosed!: number;
  /** The needs by channel: found on a visit, by phone, from a list (申报清单), published by the enterprise. */
  needsBySource!: NeedsBySource;
  /** Renewal applications (续贷申请): the cases of kind renewal among them (their signed loans are in loanOutcomes). */
  renewalApplications!: number;
  /** Distinct enterprises with a need in the period. */
  enterprisesWithNeed!: number;
  casesByStatus!: Record<CaseStatus, number>;
  screening!: ScreeningFigures;
  enterprisesFinanced!: number;
  intentionAmount!: string;
  signedAmount!: string;
  signedCount!: number;
  /** Share of the signed amount that is medium or long term. */
  longTermShare!: string | null;
  /** Share of the signed amount that went to chain-leader enterprises. */
  chainLeaderShare!: string | null;
  /** Share of claim deadlines met in time, of those met or missed. */
  claimsWithinSlaShare!: string | null;
  medianBusinessDaysToClaim!: number | null;
  medianBusinessDaysToSigning!: number | null;
  topBottlenecks!: BottleneckCount[];
  funnel!: FunnelFigures;
}

/** Extra conditions narrowing the figures to one chain or one bank. */
export interface Narrowing {
  readonly visits?: (p: Params) => string;
  readonly cases?: (p: Params) => string;
  readonly loans?: (p: Params) => string;
}

/** num / den as a decimal string with 4 places, rounded half up; null when den is 0. */
export function share(numerator: bigint, denominator: bigint): string | null {
  if (denominator === 0n) return null;
  const scaled = (numerator * 20000n + denominator) / (2n * denominator);
  return `${scaled / 10000n}.${(scaled % 10000n).toString().padStart(4, '0')}`;
}

const money = (value: string | null | undefined): string => fromFen(value ? toFen(value) : 0n);

/** The default calendar, for business-day figures. */
export async function reportCalendar(manager: EntityManager): Promise<BusinessCalendar> {
  const policy = await manager.findOneBy(SlaPolicyEntity, { isDefault: true });
  const calendar = policy ? await manager.findOneBy(CalendarEntity, { id: policy.calendarId }) : null;
  return calendar ? businessCalendar(calendar.holidays, calendar.workdays) : WEEKENDS_ONLY;
}

export async function campaignFigures(
  manager: EntityManager,
  filter: ReportFilter,
  calendar: BusinessCalendar,
  now: Date,
  narrowing: Narrowing = {},
): Promise<CampaignFigures> {
  const and = (p: Params, part?: (p: Params) => string): string => (part ? ` AND ${part(p)}` : '');

  const pv = new Params();
  const [visits] = await manager.query<{ visits: string; enterprises: string }[]>(
    `SELECT count(*)::text AS visits, count(DISTINCT v.enterprise_id)::text AS enterprises
       FROM visits v WHERE ${filter.visits(pv)}${and(pv, narrowing.visits)}`,
    pv.values,
  );

  /** A fresh parameter list and WHERE clause for each statement over the cases. */
  const cases = (): { p: Params; where: string } => {
    const p = new Params();
    return { p, where: `${filter.cases(p)}${and(p, narrowing.cases)}` };
  };
  const { p: pc, where: caseWhere } = cases();
  const byStatus = await manager.query<{ status: CaseStatus; n: string }[]>(
    `SELECT c.status, count(*)::text AS n FROM cases c WHERE ${caseWhere} GROUP BY c.status`,
    pc.values,
  );
  const bySource = await manager.query<{ source: CaseSource; n: string }[]>(
    `SELECT c.source, count(*)::text AS n FROM cases c WHERE ${caseWhere} GROUP BY c.source`,
    pc.values,
  );
  const [withNeed] = await manager.query<{ n: string }[]>(
    `SELECT count(DISTINCT c.enterprise_id)::text AS n FROM cases c WHERE ${caseWhere}`,
    pc.values,
  );
  const [recommended] = await manager.query<{ n: string }[]>(
    `SELECT count(*)::text AS n FROM cases c
      WHERE ${caseWhere} AND EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = c.id AND r.type = 'recommended')`,
    pc.values,
  );
  const [renewals] = await manager.query<{ n: string }[]>(
    `SELECT count(*)::text AS n FROM cases c WHERE ${caseWhere} AND c.kind = 'renewal'`,
    pc.values,
  );
  const [intention] = await manager.query<{ total: string | null }[]>(
    `SELECT sum(c.intention_amount)::text AS total FROM cases c WHERE ${caseWhere}`,
    pc.values,
  );
  const bottlenecks = await manager.query<{ bottleneck: Bottleneck; n: string }[]>(
    `SELECT b AS bottleneck, count(*)::text AS n FROM cases c, unnest(c.bottlenecks) AS b
      WHERE ${caseWhere} GROUP BY b ORDER BY count(*) DESC, b LIMIT 8`,
    pc.values,
  );
  const claimsQuery = cases();
  const [claims] = await manager.query<{ met: string; missed: string }[]>(
    `SELECT count(*) FILTER (WHERE o.met_at <= o.due_at)::text AS met,
            count(*) FILTER (WHERE o.met_at > o.due_at OR (o.met_at IS NULL AND
              (o.cancelled_at > o.due_at OR (o.cancelled_at IS NULL AND o.due_at < ${claimsQuery.p.add(now)}))))::text AS missed
       FROM case_obligations o JOIN cases c ON c.id = o.case_id
      WHERE o.obligation = 'claim' AND ${claimsQuery.where}`,
    claimsQuery.p.values,
  );
  const claimTimes = await manager.query<{ assigned_at: Date; claimed_at: Date }[]>(
    `SELECT (SELECT min(o.opened_at) FROM case_obligations o WHERE o.case_id = c.id AND o.obligation = 'claim') AS assigned_at,
            (SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.type = 'claimed') AS claimed_at
       FROM cases c WHERE ${caseWhere}
        AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'claimed')`,
    pc.values,
  );

  const [reached] = await manager.query<{ approved: string; signed: string; repaired: string }[]>(
    `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_events a WHERE a.case_id = c.id AND a.type = 'approved'))::text AS approved,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM loan_contracts l WHERE l.case_id = c.id))::text AS signed,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM repair_tasks rt WHERE rt.case_id = c.id AND rt.status = 'repaired'))::text AS repaired
       FROM cases c WHERE ${caseWhere}`,
    pc.values,
  );
  const pd = new Params();
  const declines = await manager.query<{ reason: string; n: string }[]>(
    `SELECT coalesce(e.data->>'reason', '') AS reason, count(*)::text AS n
       FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.type = 'declined' AND ${filter.declines(pd)}${and(pd, narrowing.cases)} GROUP BY 1`,
    pd.values,
  );

  const pl = new Params();
  const loanWhere = `${filter.loans(pl)}${and(pl, narrowing.loans)}`;
  const [loans] = await manager.query<
    { total: string | null; n: string; long_term: string | null; leaders: string | null; enterprises: string }[]
  >(
    `SELECT sum(l.amount)::text AS total, count(*)::text AS n,
            sum(l.amount) FILTER (WHERE c.term = 'medium_long')::text AS long_term,
            sum(l.amount) FILTER (WHERE e.chain_role = 'leader')::text AS leaders,
            count(DISTINCT c.enterprise_id)::text AS enterprises
       FROM loan_contracts l JOIN cases c ON c.id = l.case_id JOIN enterprises e ON e.id = c.enterprise_id
      WHERE ${loanWhere}`,
    pl.values,
  );
  // Cases whose first contract (at the bank, for a bank's figures) was signed in the period.
  const ps = new Params();
  const signingWhere = `${filter.loans(ps, { dates: false })}${and(ps, narrowing.loans)}`;
  const signingTimes = await manager.query<{ created_at: Date; signed_on: string }[]>(
    `SELECT c.created_at, min(l.signed_on)::text AS signed_on
       FROM loan_contracts l JOIN cases c ON c.id = l.case_id WHERE ${signingWhere} GROUP BY c.id, c.created_at
     HAVING ${filter.period('min(l.signed_on)', ps)}`,
    ps.values,
  );

  const casesByStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const row of byStatus) casesByStatus[row.status] = Number(row.n);
  const histogram = (values: number[]): Map<number, number> => {
    const counts = new Map<number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const totals: RollupTotals = {
    ...emptyTotals(),
    visits: Number(visits?.visits ?? 0),
    casesByStatus,
    recommended: Number(recommended?.n ?? 0),
    renewals: Number(renewals?.n ?? 0),
    needsBySource: { ...emptyNeedsBySource(), ...Object.fromEntries(bySource.map((r) => [r.source, Number(r.n)])) },
    intentionAmount: money(intention?.total),
    bottlenecks: new Map(bottlenecks.map((b) => [b.bottleneck, Number(b.n)])),
    claimsMet: Number(claims?.met ?? 0),
    claimsMissed: Number(claims?.missed ?? 0),
    claimDays: histogram(claimTimes.map((t) => businessDaysBetween(t.assigned_at, t.claimed_at, calendar))),
    signedAmount: money(loans?.total),
    signedCount: Number(loans?.n ?? 0),
    longTermAmount: money(loans?.long_term),
    leaderAmount: money(loans?.leaders),
    signingDays: histogram(
      signingTimes.map((t) => businessDaysBetween(t.created_at, new Date(`${t.signed_on}T12:00:00+08:00`), calendar)),
    ),
    reachedClaimed: claimTimes.length,
    reachedApproved: Number(reached?.approved ?? 0),
    reachedSigned: Number(reached?.signed ?? 0),
    reachedRepaired: Number(reached?.repaired ?? 0),
    declines: declines.reduce((sum, d) => sum + Number(d.n), 0),
    declinesByReason: new Map(declines.map((d) => [d.reason, Number(d.n)])),
  };
  return figuresFrom(totals, {
    visited: Number(visits?.enterprises ?? 0),
    financed: Number(loans?.enterprises ?? 0),
    withNeed: Number(withNeed?.n ?? 0),
  });
}

/** The additive figures of a report (one key of a rollup, or a scan), before they become report figures. */
export interface RollupTotals {
  visits: number;
  casesByStatus: Record<CaseStatus, number>;
  /** Needs recommended by their screening (推荐清单). */
  recommended: number;
  /** Renewal applications (cases of kind renewal). */
  renewals: number;
  needsBySource: Record<CaseSource, number>;
  intentionAmount: string;
  bottlenecks: Map<string, number>;
  claimsMet: number;
  claimsMissed: number;
  claimDays: Map<number, number>;
  signedAmount: string;
  signedCount: number;
  longTermAmount: string;
  leaderAmount: string;
  signingDays: Map<number, number>;
  bankClaims: number;
  bankClaimsOnTime: number;
  bankDeclines: number;
  bankEscalations: number;
  /** Distinct enterprises of the whole campaign: the all-days rows only. */
  enterprisesVisited: number;
  enterprisesFinanced: number;
  enterprisesWithNeed: number;
  /** Needs that reached a claim, an approval, a signed contract. */
  reachedClaimed: number;
  reachedApproved: number;
  reachedSigned: number;
  /** Needs that came back repaired from a second diagnosis. */
  reachedRepaired: number;
  declines: number;
  declinesByReason: Map<string, number>;
}

export function emptyNeedsBySource(): Record<CaseSource, number> {
  return Object.fromEntries(CASE_SOURCES.map((s) => [s, 0])) as Record<CaseSource, number>;
}

export function emptyTotals(): RollupTotals {
  return {
    visits: 0,
    casesByStatus: Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>,
    recommended: 0,
    renewals: 0,
    needsBySource: emptyNeedsBySource(),
    intentionAmount: '0.00',
    bottlenecks: new Map(),
    claimsMet: 0,
    claimsMissed: 0,
    claimDays: new Map(),
    signedAmount: '0.00',
    signedCount: 0,
    longTermAmount: '0.00',
    leaderAmount: '0.00',
    signingDays: new Map(),
    bankClaims: 0,
    bankClaimsOnTime: 0,
    bankDeclines: 0,
    bankEscalations: 0,
    enterprisesVisited: 0,
    enterprisesFinanced: 0,
    enterprisesWithNeed: 0,
    reachedClaimed: 0,
    reachedApproved: 0,
    reachedRepaired: 0,
    reachedSigned: 0,
    declines: 0,
    declinesByReason: new Map(),
  };
}

/** The median of a histogram (value → how many), as `median` answers for the values one by one. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const nth = (index: number): number => {
    let seen = 0;
    for (const [value, n] of entries) {
      seen += n;
      if (index < seen) return value;
    }
    return entries[entries.length - 1]?.[0] ?? 0;
  };
  const middle = Math.floor(total / 2);
  return total % 2 === 1 ? nth(middle) : (nth(middle - 1) + nth(middle)) / 2;
}

/** Distinct enterprises of a report: visited, financed, with a need. */
export interface DistinctEnterprises {
  readonly visited: number;
  readonly financed: number;
  readonly withNeed: number;
}

/** The distinct enterprises the all-days rollup rows carry. */
export function distinctOf(totals: RollupTotals | undefined): DistinctEnterprises {
  return {
    visited: totals?.enterprisesVisited ?? 0,
    financed: totals?.enterprisesFinanced ?? 0,
    withNeed: totals?.enterprisesWithNeed ?? 0,
  };
}

/** Report figures from additive totals and the distinct counts. */
export function figuresFrom(totals: RollupTotals | undefined, distinct: DistinctEnterprises): CampaignFigures {
  const t = totals ?? emptyTotals();
  const signed = toFen(t.signedAmount);
  const met = BigInt(t.claimsMet);
  return {
    visits: t.visits,
    enterprisesVisited: distinct.visited,
    needsDiagnosed: Object.values(t.casesByStatus).reduce((a, b) => a + b, 0),
    needsBySource: { ...t.needsBySource },
    renewalApplications: t.renewals,
    enterprisesWithNeed: distinct.withNeed,
    casesByStatus: t.casesByStatus,
    screening: {
      submitted: t.casesByStatus.submitted + t.recommended + t.casesByStatus.screened_out,
      recommended: t.recommended,
      screenedOut: t.casesByStatus.screened_out,
    },
    enterprisesFinanced: distinct.financed,
    intentionAmount: t.intentionAmount,
    signedAmount: t.signedAmount,
    signedCount: t.signedCount,
    longTermShare: share(toFen(t.longTermAmount), signed),
    chainLeaderShare: share(toFen(t.leaderAmount), signed),
    claimsWithinSlaShare: share(met, met + BigInt(t.claimsMissed)),
    medianBusinessDaysToClaim: histogramMedian(t.claimDays),
    medianBusinessDaysToSigning: histogramMedian(t.signingDays),
    topBottlenecks: [...t.bottlenecks.entries()]
      .filter(([b, n]) => n > 0 && (BOTTLENECKS as readonly string[]).includes(b))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, 8)
      .map(([bottleneck, count]) => ({ bottleneck: bottleneck as Bottleneck, count })),
    funnel: funnelOf(t),
  };
}
