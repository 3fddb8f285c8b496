import type { ReactNode } from 'react';
import { useSortedRows, type SortValue } from '../../components/sortable-header';
import { useI18n } from '../../i18n/i18n';
import { toFen } from '../../lib/money';
import type { RegionFunnel } from './report-figures';

type Column =
  | 'region'
  | 'visits'
  | 'needs'
  | 'submitted'
  | 'recommended'
  | 'matched'
  | 'approved'
  | 'signed'
  | 'screenedOut'
  | 'declined'
  | 'signedAmount';

const VALUE_OF: Record<Column, (r: RegionFunnel) => SortValue> = {
  region: (r) => r.regionName,
  visits: (r) => r.visits,
  needs: (r) => r.needsDiagnosed,
  submitted: (r) => r.screening.submitted,
  recommended: (r) => r.screening.recommended,
  matched: (r) => r.funnel.claimed,
  approved: (r) => r.funnel.approved,
  signed: (r) => r.funnel.signed,
  screenedOut: (r) => r.screening.screenedOut,
  declined: (r) => r.funnel.declined,
  signedAmount: (r) => toFen(r.signedAmount) ?? null,
};

/** The funnel of each region within the one chosen, sortable by any column. */
export function RegionFunnelTable({ regions, labelledBy }: { regions: RegionFunnel[]; labelledBy: string }): ReactNode {
  const { t, money, exact } = useI18n();
  const { sorted, header } = useSortedRows(regions, VALUE_OF);
  if (regions.length === 0) return <p>{t('funnel.noRegions')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table data-testid="regions-table" className="dense-figures">
        <thead>
          <tr>
            {header('region', t('funnel.region'))}
            {header('visits', t('dashboard.visits'), true)}
            {header('needs', t('dashboard.needs'), true)}
            {header('submitted', t('funnel.submitted'), true)}
            {header('recommended', t('funnel.recommended'), true)}
            {header('matched', t('funnel.matchedNeeds'), true)}
            {header('approved', t('funnel.approvedNeeds'), true)}
            {header('signed', t('funnel.signedNeeds'), true)}
            {header('screenedOut', t('funnel.screenedOut'), true)}
            {header('declined', t('funnel.declined'), true)}
            {header('signedAmount', t('dashboard.signedAmount'), true)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.regionCode}>
              <th scope="row">{r.regionName}</th>
              <td className="number">{r.visits}</td>
              <td className="number">{r.needsDiagnosed}</td>
              <td className="number">{r.screening.submitted}</td>
              <td className="number">{r.screening.recommended}</td>
              <td className="number">{r.funnel.claimed}</td>
              <td className="number">{r.funnel.approved}</td>
              <td className="number">{r.funnel.signed}</td>
              <td className="number">{r.screening.screenedOut}</td>
              <td className="number">{r.funnel.declined}</td>
              <td className="number" title={exact(r.signedAmount)}>
                {money(r.signedAmount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
