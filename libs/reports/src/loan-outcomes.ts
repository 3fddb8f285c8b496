import { fromFen, toFen } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { share } from './campaign-figures';
import { Params } from './report-filter';
import { rollupWhere, wholeCampaign, type RollupKind, type RollupSelection } from './rollup-figures';

/** Signed loans of one kind: how many, their amount, and their share of the signed amount (0–1, 4 decimals). */
export class LoanOutcomeCount {
  count!: number;
  amount!: string;
  share!: string | null;
}

export class GuaranteedLoanCount extends LoanOutcomeCount {
  /** The guarantee fee rate in percent, averaged weighted by amount (4 decimals); null without guaranteed loans. */
  averageFeeRatePct!: string | null;
}

/**
 * What the signed loans were (issue 18, "loan outcomes"): first loans (as counted: declared and checked
 * against the enterprise's known contracts), credit, collateral and guaranteed loans, renewals (both kinds)
 * and those without repayment, each policy instrument; and the annual rate averaged weighted by amount.
 * Contracts recorded before these were asked count in none of the kinds.
 */
export class LoanOutcomeFigures {
  signedCount!: number;
  signedAmount!: string;
  /** The annual rate in percent, averaged weighted by amount (4 decimals, rounded half up); null without loans. */
  averageRatePct!: string | null;
  firstLoans!: LoanOutcomeCount;
  creditLoans!: LoanOutcomeCount;
  collateralLoans!: LoanOutcomeCount;
  guaranteedLoans!: GuaranteedLoanCount;
  /** Renewals of either kind, those without repayment included. */
  renewals!: LoanOutcomeCount;
  renewalsWithoutRepayment!: LoanOutcomeCount;
  relending!: LoanOutcomeCount;
  interestSubsidy!: LoanOutcomeCount;
  riskCompensation!: LoanOutcomeCount;
  guaranteeFeeSubsidy!: LoanOutcomeCount;
}

/** Each kind's column prefix in report_loan_outcomes, and which contracts (alias l) it counts. */
const KINDS = [
  ['first', 'l.first_loan'],
  ['credit', `l.security = 'credit'`],
  ['collateral', `l.security = 'collateral'`],
  ['guarantee', `l.security = 'guarantee'`],
  ['renewal', `l.renewal <> 'none'`],
  ['renewal_wr', `l.renewal = 'renewal_without_repayment'`],
  ['relending', `'relending' = ANY(l.policy_instruments)`],
  ['interest_subsidy', `'interest_subsidy' = ANY(l.policy_instruments)`],
  ['risk_compensation', `'risk_compensation' = ANY(l.policy_instruments)`],
  ['guarantee_fee_subsidy', `'guarantee_fee_subsidy' = ANY(l.policy_instruments)`],
] as const;

/** The summed columns of report_loan_outcomes, in order. */
const COLUMNS = [
  'signed_count',
  'signed_amount',
  'rate_amount',
  ...KINDS.flatMap(([name]) => [`${name}_count`, `${name}_amount`]),
  'guarantee_fee_amount',
];

/** The sums over contracts (alias l), in the order of COLUMNS; products of amount and rate are exact numerics. */
const CONTRACT_SUMS = [
  'count(*)::int',
  'coalesce(sum(l.amount), 0)',
  'coalesce(sum(l.amount * l.annual_rate_pct), 0)',
  ...KINDS.flatMap(([, when]) => [
    `(count(*) FILTER (WHERE ${when}))::int`,
    `coalesce(sum(l.amount) FILTER (WHERE ${when}), 0)`,
  ]),
  `coalesce(sum(l.amount * l.guarantee_fee_rate_pct) FILTER (WHERE l.security = 'guarantee'), 0)`,
];

/** The columns as text, named after COLUMNS, summed over rollup rows or computed over contracts. */
const selectSums = (sums: readonly string[]): string =>
  sums.map((sum, i) => `(${sum})::text AS ${COLUMNS[i] ?? ''}`).join(', ');

/**
 * Recomputes the loan-outcome rollup rows of some days of one campaign (by region, chain, bank and the day's
 * total, keyed as report_day_figures is) from its contracts. Idempotent: the days' rows are replaced.
 */
export async function refreshLoanOutcomeDays(
  manager: EntityManager,
  campaignId: string,
  days: string[],
): Promise<void> {
  const params = [campaignId, days];
  await manager.query(`DELETE FROM report_loan_outcomes WHERE campaign_id = $1 AND day = ANY($2::date[])`, params);
  // GROUPING is a bit mask, 1 where a column is not grouped: region alone → 011, chain alone → 101, bank → 110.
  await manager.query(
    `INSERT INTO report_loan_outcomes (campaign_id, day, kind, key, ${COLUMNS.join(', ')})
     SELECT $1, l.signed_on,
            CASE GROUPING(c.region_code, c.chain_id, l.bank_id) WHEN 3 THEN 'r' WHEN 5 THEN 'c' WHEN 6 THEN 'b' ELSE 't' END,
            coalesce(CASE GROUPING(c.region_code, c.chain_id, l.bank_id)
                       WHEN 3 THEN c.region_code WHEN 5 THEN c.chain_id::text WHEN 6 THEN l.bank_id::text END, ''),
            ${CONTRACT_SUMS.join(', ')}
       FROM loan_contracts l JOIN cases c ON c.id = l.case_id
      WHERE c.campaign_id = $1 AND l.signed_on = ANY($2::date[])
      GROUP BY GROUPING SETS ((l.signed_on, c.region_code), (l.signed_on, c.chain_id), (l.signed_on, l.bank_id),
                              (l.signed_on))`,
    params,
  );
}

/**
 * The campaign's chain and total rows over all its days ('C', 'T'): what a whole campaign's loan outcomes read,
 * one row per chain and one in total instead of one per chain and day.
 */
export async function refreshAllDaysLoanOutcomes(manager: EntityManager, campaignId: string): Promise<void> {
  await manager.query(`DELETE FROM report_loan_outcomes WHERE campaign_id = $1 AND kind IN ('C', 'T')`, [campaignId]);
  await manager.query(
    `INSERT INTO report_loan_outcomes (campaign_id, day, kind, key, ${COLUMNS.join(', ')})
     SELECT $1, '-infinity'::date, upper(kind), key, ${COLUMNS.map((c) => `sum(${c})`).join(', ')}
       FROM report_loan_outcomes WHERE campaign_id = $1 AND kind IN ('c', 't') GROUP BY kind, key`,
    [campaignId],
  );
}

type Sums = Record<string, string | null>;

/**
 * The loan outcomes per key of a rollup (or under '' when `byKey` is false; per region of that many leading
 * digits of the key when a number, as `rollupTotals`); a whole campaign's chains and total read their
 * all-days rows.
 */
export async function loanOutcomeRollup(
  manager: EntityManager,
  selection: RollupSelection,
  byKey: boolean | number,
): Promise<Map<string, LoanOutcomeFigures>> {
  const day = selection.kind.toLowerCase() as RollupKind;
  const kind = wholeCampaign(selection.query) && (day === 'c' || day === 't') ? (day.toUpperCase() as RollupKind) : day;
  const p = new Params();
  const filter = rollupWhere({ ...selection, kind }, p);
  const key =
    typeof byKey === 'number' ? `rpad(substr(f.key, 1, ${Math.trunc(byKey)}), 6, '0')` : byKey ? 'f.key' : "''";
  const rows = await manager.query<Sums[]>(
    `SELECT ${key} AS key, ${selectSums(COLUMNS.map((c) => `sum(f.${c})`))}
       FROM report_loan_outcomes f WHERE ${filter} ${byKey === false ? '' : 'GROUP BY 1'}`,
    p.values,
  );
  return new Map(rows.map((row) => [row['key'] ?? '', loanOutcomesFrom(row)]));
}

/** The loan outcomes of the contracts (alias l, joined to their case c) that `where` keeps, from the base tables. */
export async function loanOutcomeContracts(
  manager: EntityManager,
  where: (p: Params) => string,
): Promise<LoanOutcomeFigures> {
  const p = new Params();
  const [row] = await manager.query<Sums[]>(
    `SELECT ${selectSums(CONTRACT_SUMS)} FROM loan_contracts l JOIN cases c ON c.id = l.case_id WHERE ${where(p)}`,
    p.values,
  );
  return loanOutcomesFrom(row);
}

/** A non-negative decimal string as an integer scaled by 10^scale (exact). */
function scaled(value: string | null | undefined, scale: number): bigint {
  const [whole = '0', fraction = ''] = (value ?? '0').split('.');
  return BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0').slice(0, scale) || '0');
}

/** Σ(amount × rate) / Σ amount as a percent with 4 decimals, rounded half up; null when the amount is 0. */
function weightedAverage(products: string | null | undefined, fen: bigint): string | null {
  if (fen === 0n) return null;
  // products carry 5 decimals, the amount 2: (P / 10^5) / (F / 10^2) × 10^4 = P × 10 / F.
  const numerator = scaled(products, 5) * 10n;
  const rounded = (2n * numerator + fen) / (2n * fen);
  return `${rounded / 10000n}.${(rounded % 10000n).toString().padStart(4, '0')}`;
}

/** The figures of a row of sums (none: no loans). */
export function loanOutcomesFrom(row: Sums | undefined): LoanOutcomeFigures {
  const money = (column: string): string => fromFen(toFen(row?.[column] ?? '0'));
  const signed = toFen(money('signed_amount'));
  const count = (name: string): LoanOutcomeCount => ({
    count: Number(row?.[`${name}_count`] ?? 0),
    amount: money(`${name}_amount`),
    share: share(toFen(money(`${name}_amount`)), signed),
  });
  return {
    signedCount: Number(row?.['signed_count'] ?? 0),
    signedAmount: fromFen(signed),
    averageRatePct: weightedAverage(row?.['rate_amount'], signed),
    firstLoans: count('first'),
    creditLoans: count('credit'),
    collateralLoans: count('collateral'),
    guaranteedLoans: {
      ...count('guarantee'),
      averageFeeRatePct: weightedAverage(row?.['guarantee_fee_amount'], toFen(money('guarantee_amount'))),
    },
    renewals: count('renewal'),
    renewalsWithoutRepayment: count('renewal_wr'),
    relending: count('relending'),
    interestSubsidy: count('interest_subsidy'),
    riskCompensation: count('risk_compensation'),
    guaranteeFeeSubsidy: count('guarantee_fee_subsidy'),
  };
}
