/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../i18n/i18n';
import { RegionFunnelTable } from './region-funnel-table';
import type { FunnelFigures, RegionFunnel } from './report-figures';

const funnel = (claimed: number, approved: number, signed: number, declined: number): FunnelFigures => ({
  claimed,
  approved,
  signed,
  declined,
  declinesByReason: [],
  repaired: 0,
});

const region = (code: string, name: string, needs: number, f: FunnelFigures, signedAmount: string): RegionFunnel => ({
  regionCode: code,
  regionName: name,
  visits: needs * 2,
  needsDiagnosed: needs,
  needsBySource: { visit: needs, phone: 0, list: 0, enterprise: 0 },
  screening: { submitted: 0, recommended: 0, screenedOut: 1 },
  funnel: f,
  signedAmount,
  signedCount: f.signed,
});

const REGIONS = [
  region('371502', '东昌府区', 40, funnel(20, 12, 9, 3), '1200000000.00'),
  region('371521', '阳谷县', 25, funnel(11, 6, 4, 1), '300000000.00'),
  region('371581', '临清市', 60, funnel(30, 20, 15, 5), '2500000000.00'),
];

describe('the funnel per region', () => {
  it('shows each region by name with every stage, and sorts by a stage on a click', () => {
    render(
      <I18nProvider locale="zh-CN">
        <RegionFunnelTable regions={REGIONS} labelledBy="regions" />
      </I18nProvider>,
    );
    const table = screen.getByTestId('regions-table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent ?? '');
    for (const label of [
      '地区',
      '诊断需求数',
      '已对接需求数',
      '已授信需求数',
      '已放款需求数',
      '未通过筛查需求数',
      '拒绝数',
    ]) {
      expect(headers.some((h) => h.startsWith(label))).toBe(true);
    }
    const names = (): string[] =>
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent ?? '');
    expect(names()).toEqual(['东昌府区', '阳谷县', '临清市']);
    expect(table.textContent).not.toMatch(/3715\d\d/u);

    const matched = within(table)
      .getAllByRole('columnheader')
      .find((th) => (th.textContent ?? '').startsWith('已对接需求数'));
    fireEvent.click(within(matched as HTMLElement).getByRole('button'));
    expect(names()).toEqual(['临清市', '东昌府区', '阳谷县']);
    const linqing = within(table).getByRole('rowheader', { name: '临清市' }).closest('tr') as HTMLElement;
    expect(
      within(linqing)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['120', '60', '0', '0', '30', '20', '15', '1', '5', '25亿元']);
  });

  it('says so when the region has no region within it', () => {
    render(
      <I18nProvider locale="en">
        <RegionFunnelTable regions={[]} labelledBy="regions" />
      </I18nProvider>,
    );
    expect(screen.getByText('No region lies within this one.')).toBeTruthy();
  });
});
