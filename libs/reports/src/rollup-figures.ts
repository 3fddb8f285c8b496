import { fromFen, toFen } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { emptyTotals, type RollupTotals } from './campaign-figures';
import { Params, type ReportQuery } from './report-filter';

/**
 * Which one-dimension rollup to read: by region, by chain, by bank, or the day's total; 'C' and 'T' are the
 * chain and total rows over the whole campaign, with its distinct enterprises; 'R' the region rows over the
 * whole campaign (without distinct enterprises).
 */
export type RollupKind = 'r' | 'c' | 'b' | 't' | 'R' | 'C' | 'T';

/** What to read from the rollups: the campaign and dates of the query, and the rows of one dimension. */
export interface RollupSelection {
  readonly kind: RollupKind;
  readonly query: ReportQuery;
  /** Region code ranges every row must fall in (the region rollup only). */
  readonly regions?: readonly (readonly [string, string])[];
  /** One key of the dimension (a bank's id), or every key. */
  readonly key?: string;
}

function where(selection: RollupSelection, p: Params, alias = 'f'): string {
  const out = [`${alias}.kind = ${p.add(selection.kind)}`];
  const { campaignId, from, to } = selection.query;
  if (campaignId !== undefined) out.push(`${alias}.campaign_id = ${p.add(campaignId)}`);
  if (from !== undefined) out.push(`${alias}.day >= ${p.add(from)}`);
  if (to !== undefined) out.push(`${alias}.day <= ${p.add(to)}`);
  for (const [low, high] of selection.regions ?? []) {
    out.push(`${alias}.key BETWEEN ${p.add(low)} AND ${p.add(high)}`);
  }
  if (selection.key !== undefined) out.push(`${alias}.key = ${p.add(selection.key)}`);
  return out.join(' AND ');
}

/** The WHERE clause of a rollup selection, over a rollup table keyed as report_day_figures (alias f). */
export const rollupWhere: (selection: RollupSelection, p: Params) => string = where;

/**
 * The rollup's totals per key (or under '' when `byKey` is false; per region of that many leading digits of
 * the key when a number: the child regions of a region rollup). Without `histograms`, the bottlenecks and the
 * days to claim and to signing are left empty (a breakdown that shows none of them reads less).
 */
export async function rollupTotals(
  manager: EntityManager,
  selection: RollupSelection,
  byKey: boolean | number,
  histograms = true,
): Promise<Map<string, RollupTotals>> {
  const p = new Params();
  const filter = where(selection, p);
  const key =
    typeof byKey === 'number' ? `rpad(substr(f.key, 1, ${Math.trunc(byKey)}), 6, '0')` : byKey ? 'f.key' : "''";
  const group = byKey === false ? '' : 'GROUP BY 1';
  const sums = await manager.query<Record<string, string | null>[]>(
    `SELECT ${key} AS key, sum(visits)::text AS visits, sum(n_diagnosed)::text AS diagnosed, sum(n_assigned)::text AS assigned,
            sum(n_claimed)::text AS claimed, sum(n_approved)::text AS approved, sum(n_loan_signed)::text AS loan_signed,
            sum(n_closed)::text AS closed, sum(n_submitted)::text AS submitted,
            sum(n_screened_out)::text AS screened_out, sum(n_repairing)::text AS repairing, sum(n_recommended)::text AS recommended, sum(n_renewal)::text AS renewals, sum(n_source_visit)::text AS source_visit,
            sum(n_source_phone)::text AS source_phone, sum(n_source_list)::text AS source_list,
            sum(n_source_enterprise)::text AS source_enterprise, sum(intention_amount)::text AS intention, sum(claims_met)::text AS claims_met,
            sum(claims_missed)::text AS claims_missed, sum(signed_amount)::text AS signed, sum(signed_count)::text AS signed_count,
            sum(long_term_amount)::text AS long_term, sum(leader_amount)::text AS leaders, sum(bank_claims)::text AS bank_claims,
            sum(bank_claims_on_time)::text AS bank_on_time, sum(bank_declines)::text AS bank_declines,
            sum(bank_escalations)::text AS bank_escalations, sum(enterprises_visited)::text AS enterprises_visited,
            sum(enterprises_financed)::text AS enterprises_financed,
            sum(enterprises_with_need)::text AS enterprises_with_need,
            sum(n_reached_claimed)::text AS reached_claimed, sum(n_reached_approved)::text AS reached_approved,
            sum(n_reached_signed)::text AS reached_signed, sum(n_reached_repaired)::text AS reached_repaired, sum(n_declines)::text AS declines
       FROM report_day_figures f WHERE ${filter} ${group}`,
    p.values,
  );
  // The histograms are merged here: cheaper than unnesting each row's JSON in SQL.
  const merged = histograms
    ? await manager.query<
        {
          key: string;
          bottlenecks: Record<string, number>;
          claim_days: Record<string, number>;
          signing_days: Record<string, number>;
        }[]
      >(
        `SELECT ${key} AS key, f.bottlenecks, f.claim_days, f.signing_days FROM report_day_figures f
          WHERE ${filter} AND (f.bottlenecks <> '{}' OR f.claim_days <> '{}' OR f.signing_days <> '{}')`,
        p.values,
      )
    : [];
  // Declines are few (most rows have none): summed by reason in SQL.
  const declines = await manager.query<{ key: string; reason: string; n: number }[]>(
    `SELECT ${key} AS key, d.key AS reason, sum(d.value::int)::int AS n
       FROM report_day_figures f, jsonb_each_text(f.declines) d
      WHERE ${filter} AND f.declines <> '{}' GROUP BY 1, 2`,
    p.values,
  );
  const totals = new Map<string, RollupTotals>();
  const at = (k: string): RollupTotals => {
    let found = totals.get(k);
    if (found === undefined) {
      found = emptyTotals();
      totals.set(k, found);
    }
    return found;
  };
  const int = (value: string | null | undefined): number => Number(value ?? 0);
  const money = (value: string | null | undefined): string => fromFen(value ? toFen(value) : 0n);
  for (const s of sums) {
    if (s['visits'] === null) continue; // no rows at all
    const t = at(s['key'] ?? '');
    t.visits = int(s['visits']);
    t.casesByStatus = {
      diagnosed: int(s['diagnosed']),
      submitted: int(s['submitted']),
      assigned: int(s['assigned']),
      claimed: int(s['claimed']),
      approved: int(s['approved']),
      loan_signed: int(s['loan_signed']),
      closed: int(s['closed']),
      screened_out: int(s['screened_out']),
      repairing: int(s['repairing']),
    };
    t.recommended = int(s['recommended']);
    t.renewals = int(s['renewals']);
    t.needsBySource = {
      visit: int(s['source_visit']),
      phone: int(s['source_phone']),
      list: int(s['source_list']),
      enterprise: int(s['source_enterprise']),
    };
    t.intentionAmount = money(s['intention']);
    t.claimsMet = int(s['claims_met']);
    t.claimsMissed = int(s['claims_missed']);
    t.signedAmount = money(s['signed']);
    t.signedCount = int(s['signed_count']);
    t.longTermAmount = money(s['long_term']);
    t.leaderAmount = money(s['leaders']);
    t.bankClaims = int(s['bank_claims']);
    t.bankClaimsOnTime = int(s['bank_on_time']);
    t.bankDeclines = int(s['bank_declines']);
    t.bankEscalations = int(s['bank_escalations']);
    t.enterprisesVisited = int(s['enterprises_visited']);
    t.enterprisesFinanced = int(s['enterprises_financed']);
    t.enterprisesWithNeed = int(s['enterprises_with_need']);
    t.reachedClaimed = int(s['reached_claimed']);
    t.reachedApproved = int(s['reached_approved']);
    t.reachedSigned = int(s['reached_signed']);
    t.reachedRepaired = int(s['reached_repaired']);
    t.declines = int(s['declines']);
  }
  for (const h of merged) {
    const t = at(h.key);
    for (const [bottleneck, n] of Object.entries(h.bottlenecks)) {
      t.bottlenecks.set(bottleneck, (t.bottlenecks.get(bottleneck) ?? 0) + n);
    }
    for (const [days, n] of Object.entries(h.claim_days)) {
      t.claimDays.set(Number(days), (t.claimDays.get(Number(days)) ?? 0) + n);
    }
    for (const [days, n] of Object.entries(h.signing_days)) {
      t.signingDays.set(Number(days), (t.signingDays.get(Number(days)) ?? 0) + n);
    }
  }
  for (const d of declines) {
    const t = at(d.key);
    t.declinesByReason.set(d.reason, (t.declinesByReason.get(d.reason) ?? 0) + d.n);
  }
  return totals;
}

/** What the presence bitmaps answer: distinct enterprises, per key when grouped by chain. */
export interface PresenceSelection {
  readonly query: ReportQuery;
  readonly regions: readonly (readonly [string, string])[];
  readonly byChain: boolean;
}

/** Distinct enterprises visited (financed, with a need) in the period: those whose bitmap has a day in it. */
export async function presenceCounts(
  manager: EntityManager,
  table: 'report_visit_presence' | 'report_loan_presence' | 'report_need_presence',
  selection: PresenceSelection,
): Promise<Map<string, number>> {
  const p = new Params();
  const out = ['TRUE'];
  const { campaignId, from, to } = selection.query;
  if (campaignId !== undefined) out.push(`campaign_id = ${p.add(campaignId)}`);
  for (const [low, high] of selection.regions) out.push(`region_code BETWEEN ${p.add(low)} AND ${p.add(high)}`);
  if (from !== undefined || to !== undefined) {
    // Offsets of the period within each row's bitmap (bit 0 is the row's epoch day), clipped at 0.
    const start = `greatest(${p.add(from ?? '1900-01-01')}::date - epoch, 0)`;
    const end = `(${p.add(to ?? '2999-12-31')}::date - epoch)`;
    out.push(
      `${end} >= ${start} AND position(B'1' IN substring(days FROM ${start} + 1 FOR ${end} - ${start} + 1)) > 0`,
    );
  }
  const key = selection.byChain ? 'chain_key' : "''";
  const rows = await manager.query<{ key: string; n: string }[]>(
    `SELECT ${key} AS key,
            (count(*) FILTER (WHERE NOT shared) + count(DISTINCT enterprise_id) FILTER (WHERE shared))::text AS n
       FROM ${table}
      WHERE ${out.join(' AND ')} ${selection.byChain ? 'GROUP BY chain_key' : ''}`,
    p.values,
  );
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** One campaign, all its days: the all-days rollup rows answer, distinct enterprises included. */
export function wholeCampaign(query: ReportQuery): boolean {
  return query.campaignId !== undefined && query.from === undefined && query.to === undefined;
}

/**
 * True when a region condition would leave out some of the rows in the period: then only the region rollup
 * (or the base tables) can answer. When every row of the period lies inside the regions, the chain and bank
 * rollups answer as they are. A whole campaign is asked of its all-days region rows, one per region.
 */
export async function regionsNarrow(
  manager: EntityManager,
  query: ReportQuery,
  regions: readonly (readonly [string, string])[],
): Promise<boolean> {
  for (const [low, high] of regions) {
    const p = new Params();
    const filter = where({ kind: wholeCampaign(query) ? 'R' : 'r', query }, p);
    const [row] = await manager.query<{ outside: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM report_day_figures f WHERE ${filter}
                        AND (f.key < ${p.add(low)} OR f.key > ${p.add(high)})) AS outside`,
      p.values,
    );
    if (row?.outside === true) return true;
  }
  return false;
}
