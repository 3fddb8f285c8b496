import type { ReactNode } from 'react';
import type { Schemas } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { percent } from '../supervisor/report-figures';

export type LeagueTableData = Schemas['LeagueTable'];
export type LeagueIndicator = LeagueTableData['indicator'];
export type LeaguePeriod = LeagueTableData['period'];
export type LeagueBy = LeagueTableData['by'];

export const LEAGUE_INDICATORS: readonly LeagueIndicator[] = [
  'visits',
  'needs',
  'claims_on_time',
  'credited_rate',
  'signed_amount',
  'confirmation_rate',
  'satisfaction',
  'first_loans',
  'credit_loan_share',
];
export const LEAGUE_PERIODS: readonly LeaguePeriod[] = ['day', 'week', 'month'];

const SHARES: readonly LeagueIndicator[] = [
  'claims_on_time',
  'credited_rate',
  'confirmation_rate',
  'credit_loan_share',
];

/** A league value as people read it: a share as a percentage, an amount in 万元/亿元, a count as it is. */
export function useLeagueValue(): (indicator: LeagueIndicator, value: string | null) => string {
  const { money } = useI18n();
  return (indicator, value) => {
    if (value === null) return '—';
    if (SHARES.includes(indicator)) return percent(value);
    if (indicator === 'signed_amount') return money(value);
    return value;
  };
}

/** The change of rank: ↑ up, ↓ down, — unchanged (with words for screen readers). */
export function RankChange({ change }: { change: number }): ReactNode {
  const { t } = useI18n();
  if (change === 0) return <span title={t('league.same')}>—</span>;
  const words = change > 0 ? t('league.up', { n: change }) : t('league.down', { n: -change });
  return (
    <span className={change > 0 ? 'rank-up' : 'rank-down'} title={words} aria-label={words}>
      {change > 0 ? `↑${change}` : `↓${-change}`}
    </span>
  );
}

/** One league table: rank, name, value, the previous value and the change of rank. */
export function LeagueTable({ table, labelledBy }: { table: LeagueTableData; labelledBy: string }): ReactNode {
  const { t, exact } = useI18n();
  const valueOf = useLeagueValue();
  if (table.rows.length === 0) return <p>{t('league.empty')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table data-testid={`league-${table.by}-${table.indicator}`}>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t('league.rank')}
            </th>
            <th scope="col">{t('league.name')}</th>
            <th scope="col" className="number">
              {t('league.value')}
            </th>
            <th scope="col" className="number">
              {t('league.change')}
            </th>
            <th scope="col" className="number">
              {t('league.previousValue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <td className="number">{row.rank}</td>
              <th scope="row">{row.name}</th>
              <td
                className="number"
                title={table.indicator === 'signed_amount' && row.value !== null ? exact(row.value) : undefined}
              >
                {valueOf(table.indicator, row.value)}
              </td>
              <td className="number">
                <RankChange change={row.rankChange} />
              </td>
              <td className="number">{valueOf(table.indicator, row.previousValue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
