import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  addMonths,
  fromFen,
  toFen,
  monthDay,
  readScope,
  regionCodeRange,
  regionLevel,
  regionScopePrefix,
  startOfYearMonth,
  type Actor,
} from '@unblock/domain';
import { DataSource } from 'typeorm';
import { childDigits } from '../region-funnel';
import { Params } from '../report-filter';

/** What `/reports/balances` breaks the balances down by. */
export const BALANCE_GROUPS = ['chain', 'chainRole', 'region', 'bank', 'tag', 'size', 'term'] as const;
export type BalanceGroup = (typeof BALANCE_GROUPS)[number];

export interface BalanceQuery {
  /** The month reported, `2025-06`. */
  readonly asOf: string;
  readonly groupBy: BalanceGroup;
  /** A region and its descendants. */
  readonly regionCode?: string | undefined;
  readonly chainId?: string | undefined;
  readonly bankId?: string | undefined;
  /** Also answer the monthly totals of the 24 months up to `asOf`. */
  readonly series?: boolean | undefined;
}

/** A balance and its growth; ratios are exact decimal strings of four places ("0.6288"), null without a base. */
export interface BalanceFigures {
  readonly balance: string;
  readonly mediumLongBalance: string;
  readonly shortTermBalance: string;
  /** At the end of the previous December. */
  readonly startOfYearBalance: string;
  /** At the end of the same month a year before. */
  readonly yearAgoBalance: string;
  readonly growthYtd: string | null;
  readonly growthYoy: string | null;
  /** Of the report's total (a tag's shares may add up to more than 1: an enterprise may carry several tags). */
  readonly share: string | null;
}

export interface BalanceGroupRow extends BalanceFigures {
  /** The chain's, region's or bank's id or code; the chain role, tag, size or term code. */
  readonly key: string;
  /** The chain's, region's or bank's name; null for a code (the reader's language names it). */
  readonly name: string | null;
}

export interface BalanceMonth {
  readonly month: string;
  readonly balance: string;
  readonly mediumLongBalance: string;
  readonly growthYoy: string | null;
}

export interface BalanceReport {
  readonly asOf: string;
  readonly groupBy: BalanceGroup;
  readonly startOfYear: string;
  readonly yearAgo: string;
  readonly total: BalanceFigures;
  readonly rows: BalanceGroupRow[];
  /** With `series=true`: the totals of the 24 months up to `asOf`, oldest first, each with its growth year on year. */
  readonly series?: BalanceMonth[];
}

/** The group key of each breakdown, over the rollup `r` (and `x`, the terms, where they are unnested). */
const KEYS: Readonly<Record<Exclude<BalanceGroup, 'region'>, string>> = {
  chain: 'r.chain_id::text',
  chainRole: 'r.value',
  bank: 'r.bank_id::text',
  tag: 'r.value',
  size: 'r.value',
  term: 'x.term',
};

/** The rollup's dimension each breakdown reads; every total reads `role` (each balance once). */
function dimensionOf(group: BalanceGroup): 'role' | 'size' | 'tag' {
  return group === 'tag' ? 'tag' : group === 'size' ? 'size' : 'role';
}

/** The child-region code of a rollup row under the report's region (a province's cities, a city's counties). */
function regionKey(base: string | null): string {
  if (base === null) return `left(r.region_code, 2) || '0000'`;
  return regionLevel(base) === 'province' ? `left(r.region_code, 4) || '00'` : 'r.region_code';
}

/**
 * The depth of the rollup rows a report reads (their `region_digits`): the finest of its regions' (2 for a
 * province, 4 for a city, 6 for a county) and of the child regions it breaks down by; 2 (the provinces) without
 * either. Rows of that depth filter on those regions and group by those children as the regions' own rows would.
 */
function depthOf(regions: readonly (string | null | undefined)[], childrenOf?: string | null): number {
  const digits = regions.map((code) => (code === null || code === undefined ? 2 : regionScopePrefix(code).length));
  return Math.max(2, ...digits, childrenOf === undefined ? 2 : childDigits(childrenOf));
}

/** The figure summed: the balance, or for a term the short- or medium/long-term part. */
function summed(group: BalanceGroup, column: 'balance' | 'medium_long_balance'): string {
  if (group !== 'term') return `r.${column}`;
  return column === 'medium_long_balance'
    ? `CASE x.term WHEN 'medium_long' THEN r.medium_long_balance ELSE 0 END`
    : `CASE x.term WHEN 'medium_long' THEN r.medium_long_balance ELSE r.balance - r.medium_long_balance END`;
}

const ratio = (numerator: string, denominator: string): string =>
  `round((${numerator} - ${denominator}) / NULLIF(${denominator}, 0), 4)::text`;

interface FiguresRow {
  key: string | null;
  name: string | null;
  balance: string;
  medium_long_balance: string;
  start_balance: string;
  year_ago_balance: string;
  growth_ytd: string | null;
  growth_yoy: string | null;
  share: string | null;
}

function figuresOf(row: FiguresRow): BalanceFigures {
  return {
    balance: row.balance,
    mediumLongBalance: row.medium_long_balance,
    shortTermBalance: fromFen(toFen(row.balance) - toFen(row.medium_long_balance)),
    startOfYearBalance: row.start_balance,
    yearAgoBalance: row.year_ago_balance,
    growthYtd: row.growth_ytd,
    growthYoy: row.growth_yoy,
    share: row.share,
  };
}

/**
 * Loan balances and their growth, from the rollup `report_balance_months`: the month's balance, its
 * medium/long-term part, the balance at the end of the previous December and of the same month a year
 * before, the growth since each, and each group's share of the total, all computed in SQL numeric. The
 * chains' breakdowns (chain, chain role) cover the enterprises in a chain ("the chains' loans"); the others
 * every borrower. A region rolls its descendants up (the rollup's rows of one depth: `depthOf`); a supervisor
 * reads their region, a bank manager their bank.
 */
@Injectable()
export class BalanceReports {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(actor: Actor, query: BalanceQuery): Promise<BalanceReport> {
    if (actor.role === 'bank_manager' && query.bankId !== undefined && query.bankId !== actor.organizationId) {
      throw DomainError.invalid('bankId', 'a bank manager reads their own bank only');
    }
    const startOfYear = startOfYearMonth(query.asOf);
    const yearAgo = addMonths(query.asOf, -12);
    const params = new Params();
    const months = [query.asOf, startOfYear, yearAgo].map(monthDay);
    const [asOf, start, ago] = months.map((m) => params.add(m));
    const group = query.groupBy;
    const base = group === 'region' ? this.baseRegion(actor, query) : undefined;
    const where = this.where(actor, query, params, base);
    const unnest = group === 'term' ? `CROSS JOIN (VALUES ('short'), ('medium_long')) AS x(term)` : '';
    const dimension = params.add(dimensionOf(group));
    const key = group === 'region' ? regionKey(base ?? null) : KEYS[group];
    const sums = (g: BalanceGroup): string => `
        sum(${summed(g, 'balance')}) FILTER (WHERE r.month = ${asOf}::date) AS balance,
        sum(${summed(g, 'medium_long_balance')}) FILTER (WHERE r.month = ${asOf}::date) AS medium_long_balance,
        sum(${summed(g, 'balance')}) FILTER (WHERE r.month = ${start}::date) AS start_balance,
        sum(${summed(g, 'balance')}) FILTER (WHERE r.month = ${ago}::date) AS year_ago_balance`;
    const names =
      group === 'chain'
        ? 'LEFT JOIN industrial_chains n ON n.id::text = g.key'
        : group === 'bank'
          ? 'LEFT JOIN organizations n ON n.id::text = g.key'
          : group === 'region'
            ? 'LEFT JOIN regions n ON n.code = g.key'
            : 'LEFT JOIN (SELECT NULL::text AS name) n ON FALSE';
    const money = (column: string): string => `COALESCE(${column}, 0)::numeric(20, 2)::text`;
    const out = (source: string, keyColumn: string, nameColumn: string): string => `
      SELECT ${keyColumn} AS key, ${nameColumn} AS name,
             ${money(`${source}.balance`)} AS balance, ${money(`${source}.medium_long_balance`)} AS medium_long_balance,
             ${money(`${source}.start_balance`)} AS start_balance, ${money(`${source}.year_ago_balance`)} AS year_ago_balance,
             ${ratio(`${source}.balance`, `${source}.start_balance`)} AS growth_ytd,
             ${ratio(`${source}.balance`, `${source}.year_ago_balance`)} AS growth_yoy,
             round(COALESCE(${source}.balance, 0) / NULLIF(t.balance, 0), 4)::text AS share`;
    const sql = `
      WITH base AS MATERIALIZED (
        SELECT r.* FROM report_balance_months r
         WHERE r.dimension IN ('role', ${dimension}) AND r.month IN (${asOf}::date, ${start}::date, ${ago}::date)
           AND ${where}
      ), total AS (SELECT ${sums('chain')} FROM base r WHERE r.dimension = 'role'),
      grouped AS (SELECT ${key} AS key, ${sums(group)} FROM base r ${unnest} WHERE r.dimension = ${dimension} GROUP BY 1)
      ${out('t', 'NULL::text', 'NULL::text')} FROM total t
      UNION ALL
      (${out('g', 'g.key', 'n.name')} FROM grouped g CROSS JOIN total t ${names}
        ORDER BY g.balance DESC NULLS LAST, g.key)`;
    const rows = await this.dataSource.query<FiguresRow[]>(sql, params.values);
    const [totalRow, ...groupRows] = rows;
    if (totalRow === undefined) throw new Error('the balance report answered no total');
    const report: BalanceReport = {
      asOf: query.asOf,
      groupBy: group,
      startOfYear,
      yearAgo,
      total: figuresOf(totalRow),
      rows: groupRows.map((row) => ({ key: row.key ?? '', name: row.name, ...figuresOf(row) })),
    };
    return query.series === true ? { ...report, series: await this.series(actor, query) } : report;
  }

  /** The totals of the 24 months up to `asOf`, each with its growth on the same month a year before. */
  private async series(actor: Actor, query: BalanceQuery): Promise<BalanceMonth[]> {
    const params = new Params();
    const first = params.add(monthDay(addMonths(query.asOf, -35)));
    const shown = params.add(monthDay(addMonths(query.asOf, -23)));
    const last = params.add(monthDay(query.asOf));
    const where = this.where(actor, query, params);
    const rows = await this.dataSource.query<BalanceMonth[]>(
      `WITH m AS (
         SELECT r.month, sum(r.balance) AS balance, sum(r.medium_long_balance) AS medium_long_balance
           FROM report_balance_months r
          WHERE r.dimension = 'role' AND r.month BETWEEN ${first}::date AND ${last}::date AND ${where}
          GROUP BY r.month)
       SELECT to_char(d.month, 'YYYY-MM') AS month, COALESCE(m.balance, 0)::numeric(20, 2)::text AS balance,
              COALESCE(m.medium_long_balance, 0)::numeric(20, 2)::text AS "mediumLongBalance",
              ${ratio('COALESCE(m.balance, 0)', 'a.balance')} AS "growthYoy"
         FROM generate_series(${shown}::date, ${last}::date, interval '1 month') AS d(month)
         LEFT JOIN m ON m.month = d.month
         LEFT JOIN m a ON a.month = (d.month - interval '12 months')::date
        ORDER BY d.month`,
      params.values,
    );
    return rows;
  }

  /** The region whose children the region breakdown shows: the query's, else the reader's scope. */
  private baseRegion(actor: Actor, query: BalanceQuery): string | null {
    return query.regionCode ?? readScope(actor);
  }

  /** The rollup rows the report reads; `childrenOf`, the region whose children it breaks down by. */
  private where(actor: Actor, query: BalanceQuery, params: Params, childrenOf?: string | null): string {
    const regions = [readScope(actor), query.regionCode];
    const out: string[] = [`r.region_digits = ${params.add(depthOf(regions, childrenOf))}`];
    for (const code of regions) {
      if (code === null || code === undefined) continue;
      const [low, high] = regionCodeRange(code);
      out.push(`r.region_code BETWEEN ${params.add(low)} AND ${params.add(high)}`);
    }
    if (actor.role === 'bank_manager') out.push(`r.bank_id = ${params.add(actor.organizationId)}::uuid`);
    if (query.bankId !== undefined) out.push(`r.bank_id = ${params.add(query.bankId)}::uuid`);
    if (query.chainId !== undefined) out.push(`r.chain_id = ${params.add(query.chainId)}::uuid`);
    if (query.groupBy === 'chain' || query.groupBy === 'chainRole') out.push('r.chain_id IS NOT NULL');
    return out.join(' AND ');
  }
}
