import type { ReactNode } from 'react';
import { useSortedRows, type SortValue } from '../../components/sortable-header';
import { useI18n } from '../../i18n/i18n';
import { toFen } from '../../lib/money';
import { percent, type ChainFigures } from './report-figures';

type Column =
  | 'chain'
  | 'lead'
  | 'deputy'
  | 'leaders'
  | 'visits'
  | 'needs'
  | 'matched'
  | 'approved'
  | 'signedNeeds'
  | 'declined'
  | 'signedAmount'
  | 'slaShare';

const share = (value: string | null): SortValue => (value === null ? null : Number(value));

const VALUE_OF: Record<Column, (c: ChainFigures) => SortValue> = {
  chain: (c) => c.chainName,
  lead: (c) => c.leadBankName,
  deputy: (c) => c.deputyBankName,
  leaders: (c) => c.chainLeaders,
  visits: (c) => c.visits,
  needs: (c) => c.needsDiagnosed,
  matched: (c) => c.funnel.claimed,
  approved: (c) => c.funnel.approved,
  signedNeeds: (c) => c.funnel.signed,
  declined: (c) => c.funnel.declined,
  signedAmount: (c) => toFen(c.signedAmount) ?? null,
  slaShare: (c) => share(c.claimsWithinSlaShare),
};

/**
 * The figures of each industrial chain, sortable by any column. Its loans show as needs signed and their amount
 * (the count of contracts stays in the export), so that the table fits a laptop in either language.
 */
export function ChainFiguresTable({ chains, labelledBy }: { chains: ChainFigures[]; labelledBy: string }): ReactNode {
  const { t, money, exact } = useI18n();
  const { sorted, header } = useSortedRows(chains, VALUE_OF);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table data-testid="chains-table" className="dense-figures">
        <thead>
          <tr>
            {header('chain', t('supervisor.chain'))}
            {header('lead', t('dashboard.leadBank'))}
            {header('deputy', t('dashboard.deputyBank'))}
            {header('leaders', t('funnel.chainLeaders'), true)}
            {header('visits', t('dashboard.visits'), true)}
            {header('needs', t('dashboard.needs'), true)}
            {header('matched', t('funnel.matchedNeeds'), true)}
            {header('approved', t('funnel.approvedNeeds'), true)}
            {header('signedNeeds', t('funnel.signedNeeds'), true)}
            {header('declined', t('funnel.declined'), true)}
            {header('signedAmount', t('dashboard.signedAmount'), true)}
            {header('slaShare', t('dashboard.slaShare'), true)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.chainId}>
              <th scope="row">{c.chainName}</th>
              <td>{c.leadBankName}</td>
              <td>{c.deputyBankName}</td>
              <td className="number">{c.chainLeaders}</td>
              <td className="number">{c.visits}</td>
              <td className="number">{c.needsDiagnosed}</td>
              <td className="number">{c.funnel.claimed}</td>
              <td className="number">{c.funnel.approved}</td>
              <td className="number">{c.funnel.signed}</td>
              <td className="number">{c.funnel.declined}</td>
              <td className="number" title={exact(c.signedAmount)}>
                {money(c.signedAmount)}
              </td>
              <td className="number">{percent(c.claimsWithinSlaShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
