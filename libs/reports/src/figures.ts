import { CalendarEntity, SlaPolicyEntity } from '@unblock/database';
import {
  BOTTLENECKS,
  CASE_STATUSES,
  WEEKENDS_ONLY,
  businessCalendar,
  businessDaysBetween,
  fromFen,
  median,
  toFen,
  type Bottleneck,
  type BusinessCalendar,
  type CaseStatus,
} from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { Params, type ReportFilter } from './report-filter';

export class BottleneckCount {
  bottleneck!: Bottleneck;
  count!: number;
}

/** The figures the regulators publish of a campaign. Money is yuan as decimal strings; shares are 0–1 with 4 decimals. */
export class CampaignFigures {
  visits!: number;
  enterprisesVisited!: number;
  needsDiagnosed!: number;
  casesByStatus!: Record<CaseStatus, number>;
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
  const signed = toFen(money(loans?.total));
  const met = BigInt(claims?.met ?? '0');
  return {
    visits: Number(visits?.visits ?? 0),
    enterprisesVisited: Number(visits?.enterprises ?? 0),
    needsDiagnosed: Object.values(casesByStatus).reduce((a, b) => a + b, 0),
    casesByStatus,
    enterprisesFinanced: Number(loans?.enterprises ?? 0),
    intentionAmount: money(intention?.total),
    signedAmount: fromFen(signed),
    signedCount: Number(loans?.n ?? 0),
    longTermShare: share(toFen(money(loans?.long_term)), signed),
    chainLeaderShare: share(toFen(money(loans?.leaders)), signed),
    claimsWithinSlaShare: share(met, met + BigInt(claims?.missed ?? '0')),
    medianBusinessDaysToClaim: median(
      claimTimes.map((t) => businessDaysBetween(t.assigned_at, t.claimed_at, calendar)),
    ),
    medianBusinessDaysToSigning: median(
      signingTimes.map((t) => businessDaysBetween(t.created_at, new Date(`${t.signed_on}T12:00:00+08:00`), calendar)),
    ),
    topBottlenecks: bottlenecks
      .filter((b) => (BOTTLENECKS as readonly string[]).includes(b.bottleneck))
      .map((b) => ({ bottleneck: b.bottleneck, count: Number(b.n) })),
  };
}
