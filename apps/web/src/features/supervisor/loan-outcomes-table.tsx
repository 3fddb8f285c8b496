import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { percent } from './report-figures';

/** Signed loans of one kind: how many, their amount, their share of the signed amount (0–1). */
export interface LoanOutcomeCount {
  count: number;
  amount: string;
  share: string | null;
}

/** What the signed loans were, as `libs/reports` answers it (rates in percent, 4 decimals). */
export interface LoanOutcomeFigures {
  signedCount: number;
  signedAmount: string;
  averageRatePct: string | null;
  firstLoans: LoanOutcomeCount;
  creditLoans: LoanOutcomeCount;
  collateralLoans: LoanOutcomeCount;
  guaranteedLoans: LoanOutcomeCount & { averageFeeRatePct: string | null };
  renewals: LoanOutcomeCount;
  renewalsWithoutRepayment: LoanOutcomeCount;
  relending: LoanOutcomeCount;
  interestSubsidy: LoanOutcomeCount;
  riskCompensation: LoanOutcomeCount;
  guaranteeFeeSubsidy: LoanOutcomeCount;
}

const KINDS = [
  'firstLoans',
  'creditLoans',
  'collateralLoans',
  'guaranteedLoans',
  'renewals',
  'renewalsWithoutRepayment',
  'relending',
  'interestSubsidy',
  'riskCompensation',
  'guaranteeFeeSubsidy',
] as const;

/** A rate in percent as people read it ("3.8780" → "3.88%"), or a dash. */
function ratePct(rate: string | null): string {
  if (rate === null) return '—';
  const [whole = '0', fraction = ''] = rate.split('.');
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(4, '0').slice(0, 4)) / 100n;
  const rounded = BigInt(fraction.padEnd(4, '0').slice(2, 4)) >= 50n ? hundredths + 1n : hundredths;
  return `${rounded / 100n}.${(rounded % 100n).toString().padStart(2, '0')}%`;
}

/** The signed loans by kind: first loans, credit, collateral, guaranteed, renewals, policy instruments. */
export function LoanOutcomesTable({
  outcomes,
  labelledBy,
}: {
  outcomes: LoanOutcomeFigures;
  labelledBy: string;
}): ReactNode {
  const { t, money, exact } = useI18n();
  return (
    <>
      <p className="summary" data-testid="loan-outcome-rates">
        {t('loanOutcome.averageRate', { rate: ratePct(outcomes.averageRatePct) })}
        {t('loanOutcome.separator')}
        {t('loanOutcome.averageFee', { rate: ratePct(outcomes.guaranteedLoans.averageFeeRatePct) })}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
        <table data-testid="loan-outcomes-table">
          <thead>
            <tr>
              <th scope="col">{t('loanOutcome.kind')}</th>
              <th scope="col" className="number">
                {t('loanOutcome.count')}
              </th>
              <th scope="col" className="number">
                {t('loanOutcome.amount')}
              </th>
              <th scope="col" className="number">
                {t('loanOutcome.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((kind) => {
              const c = outcomes[kind];
              return (
                <tr key={kind}>
                  <th scope="row">{t(`loanOutcome.kind.${kind}`)}</th>
                  <td className="number">{c.count}</td>
                  <td className="number" title={exact(c.amount)}>
                    {money(c.amount)}
                  </td>
                  <td className="number">{percent(c.share)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
