import { fromFen, toFen } from '@unblock/domain';

/** A contract's row as the expected loan outcomes read it. */
export interface OutcomeRow {
  amount: string;
  annual_rate_pct: string;
  first_loan: boolean;
  security: string | null;
  guarantee_fee_rate_pct: string | null;
  renewal: string;
  policy_instruments: string[];
}

/** A decimal string with at most 3 decimals, in thousandths. */
const milli = (value: string): bigint => {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
};

/** n / d with 4 decimals, rounded half up; null when d is 0. */
const ratio4 = (n: bigint, d: bigint): string | null => {
  if (d === 0n) return null;
  const r = (n * 20000n + d) / (2n * d);
  return `${r / 10000n}.${(r % 10000n).toString().padStart(4, '0')}`;
};

/** The loan outcomes of some contracts, computed here independently of the report's SQL. */
export function expectedLoanOutcomes(loans: readonly OutcomeRow[]): Record<string, unknown> {
  const signed = loans.reduce((s, l) => s + toFen(l.amount), 0n);
  const kind = (keep: (l: OutcomeRow) => boolean) => {
    const kept = loans.filter(keep);
    const amount = kept.reduce((s, l) => s + toFen(l.amount), 0n);
    return { count: kept.length, amount: fromFen(amount), share: ratio4(amount, signed) };
  };
  // Σ fen × thousandths / Σ fen is the rate in thousandths; ratio4 of it over 1000 gives percent.
  const weighted = (rows: readonly OutcomeRow[], rate: (l: OutcomeRow) => string) => {
    const fen = rows.reduce((s, l) => s + toFen(l.amount), 0n);
    return ratio4(
      rows.reduce((s, l) => s + toFen(l.amount) * milli(rate(l)), 0n),
      fen * 1000n,
    );
  };
  const guaranteed = loans.filter((l) => l.security === 'guarantee');
  const has = (instrument: string) => (l: OutcomeRow) => l.policy_instruments.includes(instrument);
  return {
    signedCount: loans.length,
    signedAmount: fromFen(signed),
    averageRatePct: weighted(loans, (l) => l.annual_rate_pct),
    firstLoans: kind((l) => l.first_loan),
    creditLoans: kind((l) => l.security === 'credit'),
    collateralLoans: kind((l) => l.security === 'collateral'),
    guaranteedLoans: {
      ...kind((l) => l.security === 'guarantee'),
      averageFeeRatePct: weighted(guaranteed, (l) => l.guarantee_fee_rate_pct ?? '0'),
    },
    renewals: kind((l) => l.renewal !== 'none'),
    renewalsWithoutRepayment: kind((l) => l.renewal === 'renewal_without_repayment'),
    relending: kind(has('relending')),
    interestSubsidy: kind(has('interest_subsidy')),
    riskCompensation: kind(has('risk_compensation')),
    guaranteeFeeSubsidy: kind(has('guarantee_fee_subsidy')),
  };
}
