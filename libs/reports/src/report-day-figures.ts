import { BOTTLENECKS, businessDaysBetween, fromFen, toFen, type BusinessCalendar } from '@unblock/domain';
import type { EntityManager } from 'typeorm';

/** Days recomputed per round of statements: a day is ~50k visits and ~5k cases at province scale. */
const DAYS_PER_CHUNK = 8;

/** A case's day: the day of its diagnosis (creation) in Shanghai. */
export const CASE_DAY = `(c.created_at AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * By region, by chain, by bank, and the day's total (key ''); 'C' and 'T' are the chain and total rows
 * summed over the whole campaign (day -infinity), with its distinct enterprises.
 */
type Kind = 'r' | 'c' | 'b' | 't';

/** The additive columns of report_day_figures, summed into the all-days rows. */
export const SUMMED = [
  'visits',
  'n_diagnosed',
  'n_assigned',
  'n_claimed',
  'n_approved',
  'n_loan_signed',
  'n_closed',
  'n_submitted',
  'n_screened_out',
  'n_repairing',
  'n_recommended',
  'n_renewal',
  'n_source_visit',
  'n_source_phone',
  'n_source_list',
  'n_source_enterprise',
  'intention_amount',
  'claims_met',
  'claims_missed',
  'signed_amount',
  'signed_count',
  'long_term_amount',
  'leader_amount',
  'n_reached_claimed',
  'n_reached_approved',
  'n_reached_signed',
  'n_reached_repaired',
  'n_declines',
];

/** One rollup row in the making: a campaign's day, by one dimension. */
interface DayRow {
  campaign_id: string;
  day: string;
  kind: Kind;
  key: string;
  visits: number;
  n_diagnosed: number;
  n_assigned: number;
  n_claimed: number;
  n_approved: number;
  n_loan_signed: number;
  n_closed: number;
  n_submitted: number;
  n_screened_out: number;
  n_repairing: number;
  n_recommended: number;
  n_renewal: number;
  n_source_visit: number;
  n_source_phone: number;
  n_source_list: number;
  n_source_enterprise: number;
  intention_amount: string;
  bottlenecks: Record<string, number>;
  claims_met: number;
  claims_missed: number;
  claim_days: Record<string, number>;
  signed_amount: string;
  signed_count: number;
  long_term_amount: string;
  leader_amount: string;
  signing_days: Record<string, number>;
  bank_claims: number;
  bank_claims_on_time: number;
  bank_declines: number;
  bank_escalations: number;
  enterprises_visited: number;
  enterprises_financed: number;
  enterprises_with_need: number;
  n_reached_claimed: number;
  n_reached_approved: number;
  n_reached_signed: number;
  n_reached_repaired: number;
  n_declines: number;
  /** Declines by their catalogue reason. */
  declines: Record<string, number>;
}

/** Adds decimal strings exactly, in integer fen. */
function addMoney(a: string, b: string | null): string {
  return b === null ? a : fromFen(toFen(a) + toFen(b));
}

/**
 * Recomputes the rows of `report_day_figures` of some days of one campaign from the base tables, a few days
 * per round of statements. Idempotent: the days' rows are replaced.
 */
export async function refreshDayFigures(
  manager: EntityManager,
  campaignId: string,
  days: string[],
  now: Date,
  calendar: BusinessCalendar,
): Promise<void> {
  for (let i = 0; i < days.length; i += DAYS_PER_CHUNK) {
    await dayFigures(manager, campaignId, days.slice(i, i + DAYS_PER_CHUNK), now, calendar);
  }
}

/** Recomputes the rollup rows of some days of one campaign from the base tables. */
async function dayFigures(
  manager: EntityManager,
  campaignId: string,
  days: string[],
  now: Date,
  calendar: BusinessCalendar,
): Promise<void> {
  const rows = new Map<string, DayRow>();
  const row = (day: string, kind: Kind, key: string | null): DayRow => {
    const id = `${day}|${kind}|${key ?? ''}`;
    let found = rows.get(id);
    if (found === undefined) {
      found = {
        campaign_id: campaignId,
        day,
        kind,
        key: key ?? '',
        visits: 0,
        n_diagnosed: 0,
        n_assigned: 0,
        n_claimed: 0,
        n_approved: 0,
        n_loan_signed: 0,
        n_closed: 0,
        n_submitted: 0,
        n_screened_out: 0,
        n_repairing: 0,
        n_recommended: 0,
        n_renewal: 0,
        n_source_visit: 0,
        n_source_phone: 0,
        n_source_list: 0,
        n_source_enterprise: 0,
        intention_amount: '0.00',
        bottlenecks: {},
        claims_met: 0,
        claims_missed: 0,
        claim_days: {},
        signed_amount: '0.00',
        signed_count: 0,
        long_term_amount: '0.00',
        leader_amount: '0.00',
        signing_days: {},
        bank_claims: 0,
        bank_claims_on_time: 0,
        bank_declines: 0,
        bank_escalations: 0,
        enterprises_visited: 0,
        enterprises_financed: 0,
        enterprises_with_need: 0,
        n_reached_claimed: 0,
        n_reached_approved: 0,
        n_reached_signed: 0,
        n_reached_repaired: 0,
        n_declines: 0,
        declines: {},
      };
      rows.set(id, found);
    }
    return found;
  };
  const count = (map: Record<string, number>, key: string, n = 1): void => {
    map[key] = (map[key] ?? 0) + n;
  };
  const params = [campaignId, days];

  const visits = await manager.query<
    { day: string; region: string | null; chain: string | null; org: string | null; grouping: number; n: number }[]
  >(
    `SELECT v.visited_on::text AS day, v.region_code AS region, e.chain_id::text AS chain,
            v.visitor_organization_id::text AS org, GROUPING(v.region_code, e.chain_id) AS grouping, count(*)::int AS n
       FROM visits v JOIN enterprises e ON e.id = v.enterprise_id
      WHERE v.campaign_id = $1 AND v.visited_on = ANY($2::date[])
      GROUP BY GROUPING SETS ((v.visited_on, v.region_code), (v.visited_on, e.chain_id), (v.visited_on, v.visitor_organization_id))`,
    params,
  );
  for (const v of visits) {
    // GROUPING is a bit mask, 1 where a column is not grouped: region alone → 01, chain alone → 10, bank → 11.
    const target =
      v.grouping === 1
        ? row(v.day, 'r', v.region)
        : v.grouping === 2
          ? row(v.day, 'c', v.chain)
          : row(v.day, 'b', v.org);
    target.visits += v.n;
    if (v.grouping === 1) row(v.day, 't', '').visits += v.n;
  }

  const cases = await manager.query<
    {
      day: string;
      region: string;
      chain: string | null;
      bank: string | null;
      status: string;
      source: string;
      kind: string;
      intention: string | null;
      bottlenecks: string[];
      assigned_at: Date | null;
      claimed_at: Date | null;
      recommended: boolean;
      approved: boolean;
      signed: boolean;
      repaired: boolean;
      met: number;
      missed: number;
    }[]
  >(
    `SELECT ${CASE_DAY}::text AS day, c.region_code AS region, c.chain_id::text AS chain,
            c.assigned_bank_id::text AS bank, c.status, c.source, c.kind, c.intention_amount::text AS intention, c.bottlenecks,
            o.assigned_at, ev.claimed_at,
            EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = c.id AND r.type = 'recommended') AS recommended,
            EXISTS (SELECT 1 FROM case_events a WHERE a.case_id = c.id AND a.type = 'approved') AS approved,
            EXISTS (SELECT 1 FROM loan_contracts l WHERE l.case_id = c.id) AS signed,
            EXISTS (SELECT 1 FROM repair_tasks rt WHERE rt.case_id = c.id AND rt.status = 'repaired') AS repaired,
            coalesce(o.met, 0)::int AS met, coalesce(o.missed, 0)::int AS missed
       FROM cases c
       LEFT JOIN LATERAL (
         SELECT min(o.opened_at) AS assigned_at,
                count(*) FILTER (WHERE o.met_at <= o.due_at) AS met,
                count(*) FILTER (WHERE o.met_at > o.due_at OR (o.met_at IS NULL AND
                  (o.cancelled_at > o.due_at OR (o.cancelled_at IS NULL AND o.due_at < $3)))) AS missed
           FROM case_obligations o WHERE o.case_id = c.id AND o.obligation = 'claim') o ON TRUE
       LEFT JOIN LATERAL (
         SELECT min(e.at) AS claimed_at FROM case_events e WHERE e.case_id = c.id AND e.type = 'claimed') ev ON TRUE
      WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[])`,
    [...params, now],
  );
  for (const c of cases) {
    const toClaim =
      c.claimed_at !== null && c.assigned_at !== null
        ? String(businessDaysBetween(c.assigned_at, c.claimed_at, calendar))
        : null;
    for (const target of [
      row(c.day, 'r', c.region),
      row(c.day, 'c', c.chain),
      row(c.day, 'b', c.bank),
      row(c.day, 't', ''),
    ]) {
      const status = `n_${c.status}` as keyof DayRow;
      (target[status] as number) += 1;
      const source = `n_source_${c.source}` as keyof DayRow;
      (target[source] as number) += 1;
      if (c.recommended) target.n_recommended += 1;
      if (c.kind === 'renewal') target.n_renewal += 1;
      if (c.claimed_at !== null) target.n_reached_claimed += 1;
      if (c.approved) target.n_reached_approved += 1;
      if (c.signed) target.n_reached_signed += 1;
      if (c.repaired) target.n_reached_repaired += 1;
      target.intention_amount = addMoney(target.intention_amount, c.intention);
      for (const b of c.bottlenecks) if ((BOTTLENECKS as readonly string[]).includes(b)) count(target.bottlenecks, b);
      target.claims_met += c.met;
      target.claims_missed += c.missed;
      if (toClaim !== null) count(target.claim_days, toClaim);
    }
  }

  // Per bank: claims (by the claiming bank), declines (by the declining bank), escalations (at the bank).
  const bankFigures = await manager.query<
    { day: string; bank: string; claims: number; on_time: number; declines: number; escalations: number }[]
  >(
    `SELECT day, bank, sum(claims)::int AS claims, sum(on_time)::int AS on_time, sum(declines)::int AS declines,
            sum(escalations)::int AS escalations
       FROM (
         SELECT ${CASE_DAY}::text AS day, e.data->>'bankId' AS bank, 1 AS claims,
                (EXISTS (SELECT 1 FROM case_obligations o WHERE o.case_id = e.case_id AND o.obligation = 'claim'
                           AND o.met_at = e.at AND o.met_at <= o.due_at))::int AS on_time, 0 AS declines, 0 AS escalations
           FROM case_events e JOIN cases c ON c.id = e.case_id
          WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[]) AND e.type = 'claimed'
         UNION ALL
         SELECT ${CASE_DAY}::text, e.data->>'byOrganizationId', 0, 0, 1, 0
           FROM case_events e JOIN cases c ON c.id = e.case_id
          WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[]) AND e.type = 'declined'
         UNION ALL
         SELECT ${CASE_DAY}::text, x.bank_id::text, 0, 0, 0, 1
           FROM escalations x JOIN cases c ON c.id = x.case_id
          WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[]) AND x.bank_id IS NOT NULL
       ) f
      WHERE bank IS NOT NULL
      GROUP BY day, bank`,
    params,
  );
  for (const f of bankFigures) {
    const target = row(f.day, 'b', f.bank);
    target.bank_claims += f.claims;
    target.bank_claims_on_time += f.on_time;
    target.bank_declines += f.declines;
    target.bank_escalations += f.escalations;
  }

  // Declines by reason: by the case's region and chain, and by the declining bank.
  const declines = await manager.query<
    { day: string; region: string; chain: string | null; bank: string | null; reason: string; n: number }[]
  >(
    `SELECT ${CASE_DAY}::text AS day, c.region_code AS region, c.chain_id::text AS chain,
            e.data->>'byOrganizationId' AS bank, coalesce(e.data->>'reason', '') AS reason, count(*)::int AS n
       FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[]) AND e.type = 'declined'
      GROUP BY 1, 2, 3, 4, 5`,
    params,
  );
  for (const d of declines) {
    const targets = [row(d.day, 'r', d.region), row(d.day, 'c', d.chain), row(d.day, 't', '')];
    if (d.bank !== null) targets.push(row(d.day, 'b', d.bank));
    for (const target of targets) {
      target.n_declines += d.n;
      count(target.declines, d.reason, d.n);
    }
  }

  const loans = await manager.query<
    {
      day: string;
      region: string | null;
      chain: string | null;
      bank: string | null;
      grouping: number;
      total: string;
      n: number;
      long_term: string | null;
      leaders: string | null;
    }[]
  >(
    `SELECT l.signed_on::text AS day, c.region_code AS region, c.chain_id::text AS chain, l.bank_id::text AS bank,
            GROUPING(c.region_code, c.chain_id) AS grouping, sum(l.amount)::text AS total, count(*)::int AS n,
            sum(l.amount) FILTER (WHERE c.term = 'medium_long')::text AS long_term,
            sum(l.amount) FILTER (WHERE e.chain_role = 'leader')::text AS leaders
       FROM loan_contracts l JOIN cases c ON c.id = l.case_id JOIN enterprises e ON e.id = c.enterprise_id
      WHERE c.campaign_id = $1 AND l.signed_on = ANY($2::date[])
      GROUP BY GROUPING SETS ((l.signed_on, c.region_code), (l.signed_on, c.chain_id), (l.signed_on, l.bank_id))`,
    params,
  );
  for (const l of loans) {
    const targets =
      l.grouping === 1
        ? [row(l.day, 'r', l.region), row(l.day, 't', '')]
        : l.grouping === 2
          ? [row(l.day, 'c', l.chain)]
          : [row(l.day, 'b', l.bank)];
    for (const target of targets) {
      target.signed_amount = addMoney(target.signed_amount, l.total);
      target.signed_count += l.n;
      target.long_term_amount = addMoney(target.long_term_amount, l.long_term);
      target.leader_amount = addMoney(target.leader_amount, l.leaders);
    }
  }

  // Business days from diagnosis to the first contract, counted on that contract's day: per case for the
  // region and chain rollups, per case and bank for the bank rollup.
  const signings = await manager.query<
    { region: string; chain: string | null; bank: string | null; created_at: Date; first: string }[]
  >(
    `SELECT c.region_code AS region, c.chain_id::text AS chain, s.bank::text AS bank, c.created_at, s.first::text AS first
       FROM (
         SELECT l.case_id, NULL::uuid AS bank, min(l.signed_on) AS first FROM loan_contracts l
          WHERE l.case_id IN (SELECT case_id FROM loan_contracts WHERE signed_on = ANY($2::date[]))
          GROUP BY l.case_id
         UNION ALL
         SELECT l.case_id, l.bank_id, min(l.signed_on) FROM loan_contracts l
          WHERE l.case_id IN (SELECT case_id FROM loan_contracts WHERE signed_on = ANY($2::date[]))
          GROUP BY l.case_id, l.bank_id
       ) s JOIN cases c ON c.id = s.case_id
      WHERE c.campaign_id = $1 AND s.first = ANY($2::date[])`,
    params,
  );
  for (const s of signings) {
    const days = String(businessDaysBetween(s.created_at, new Date(`${s.first}T12:00:00+08:00`), calendar));
    const targets =
      s.bank === null
        ? [row(s.first, 'r', s.region), row(s.first, 'c', s.chain), row(s.first, 't', '')]
        : [row(s.first, 'b', s.bank)];
    for (const target of targets) count(target.signing_days, days);
  }

  await manager.query(`DELETE FROM report_day_figures WHERE campaign_id = $1 AND day = ANY($2::date[])`, params);
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += 2000) {
    await manager.query(
      `INSERT INTO report_day_figures SELECT * FROM jsonb_populate_recordset(NULL::report_day_figures, $1::jsonb)`,
      [JSON.stringify(all.slice(i, i + 2000))],
    );
  }
}
