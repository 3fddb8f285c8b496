/**
 * @jest-environment jsdom
 */
import { render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../i18n/i18n';
import { LeagueTable, type LeagueTableData } from './league-table';

const row = (key: string, name: string, rank: number, previousRank: number, value: string | null) => ({
  key,
  name,
  rank,
  previousRank,
  rankChange: previousRank - rank,
  value,
  previousValue: null,
});

const table = (indicator: LeagueTableData['indicator'], rows: LeagueTableData['rows']): LeagueTableData => ({
  by: 'region',
  indicator,
  period: 'day',
  regionCode: '410000',
  from: '2026-06-10',
  to: '2026-06-10',
  previousFrom: '2026-06-09',
  previousTo: '2026-06-09',
  rows,
});

describe('a league table', () => {
  it('shows names, ranks with their change as arrows, and values as people read them', () => {
    render(
      <I18nProvider locale="zh-CN">
        <LeagueTable
          labelledBy="league"
          table={table('signed_amount', [
            row('410100', '郑州市', 1, 2, '3145000000.00'),
            row('410300', '洛阳市', 2, 1, '150000.00'),
            row('410200', '开封市', 3, 3, '0.00'),
          ])}
        />
      </I18nProvider>,
    );
    const rows = within(screen.getByTestId('league-region-signed_amount')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['1郑州市31.45亿元↑1—', '2洛阳市15万元↓1—', '3开封市0万元——']);
    expect(screen.getByLabelText('上升 1 位')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/410100|signed_amount|league\./u);
  });

  it('shows a share as a percentage and a missing value as a dash', () => {
    render(
      <I18nProvider locale="en">
        <LeagueTable
          labelledBy="league"
          table={table('claims_on_time', [
            row('b1', 'Bank of Zhengzhou', 1, 1, '0.8000'),
            row('b2', 'Zhongyuan Bank', 2, 2, null),
          ])}
        />
      </I18nProvider>,
    );
    const rows = within(screen.getByTestId('league-region-claims_on_time')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['1Bank of Zhengzhou80.0%——', '2Zhongyuan Bank———']);
  });
});
