import type { ReactNode } from 'react';
import { useSortedRows, type SortValue } from '../../components/sortable-header';
import { useI18n } from '../../i18n/i18n';
import { toFen } from '../../lib/money';
import { percent, type BankFigures } from './report-figures';

type Column =
  | 'bank'
  | 'assigned'
  | 'claims'
  | 'onTime'
  | 'matched'
  | 'approved'
  | 'signedNeeds'
  | 'declines'
  | 'escalations'
  | 'signedAmount';

const VALUE_OF: Record<Column, (b: BankFigures) => SortValue> = {
  bank: (b) => b.bankName,
  assigned: (b) => b.casesAssigned,
  claims: (b) => b.claims,
  onTime: (b) => (b.claimOnTimeRate === null ? null : Number(b.claimOnTimeRate)),
  matched: (b) => b.funnel.claimed,
  approved: (b) => b.funnel.approved,
  signedNeeds: (b) => b.funnel.signed,
  declines: (b) => b.declines,
  escalations: (b) => b.escalations,
  signedAmount: (b) => toFen(b.signedAmount) ?? null,
};

/** The figures of each bank, sortable by any column. */
export function BankFiguresTable({ banks, labelledBy }: { banks: BankFigures[]; labelledBy: string }): ReactNode {
  const { t, money, exact } = useI18n();
  const { sorted, header } = useSortedRows(banks, VALUE_OF);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table data-testid="banks-table" className="dense-figures">
        <thead>
          <tr>
            {header('bank', t('supervisor.bank'))}
            {header('assigned', t('dashboard.casesAssigned'), true)}
            {header('claims', t('dashboard.claims'), true)}
            {header('onTime', t('dashboard.claimOnTimeRate'), true)}
            {header('matched', t('funnel.matchedNeeds'), true)}
            {header('approved', t('funnel.approvedNeeds'), true)}
            {header('signedNeeds', t('funnel.signedNeeds'), true)}
            {header('declines', t('dashboard.declines'), true)}
            {header('escalations', t('dashboard.escalations'), true)}
            {header('signedAmount', t('dashboard.signedAmount'), true)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((b) => (
            <tr key={b.bankId} data-bank-id={b.bankId}>
              <th scope="row">{b.bankName}</th>
              <td className="number">{b.casesAssigned}</td>
              <td className="number">{b.claims}</td>
              <td className="number">{percent(b.claimOnTimeRate)}</td>
              <td className="number">{b.funnel.claimed}</td>
              <td className="number">{b.funnel.approved}</td>
              <td className="number">{b.funnel.signed}</td>
              <td className="number">{b.declines}</td>
              <td className="number" data-escalations>
                {b.escalations}
              </td>
              <td className="number" title={exact(b.signedAmount)}>
                {money(b.signedAmount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
