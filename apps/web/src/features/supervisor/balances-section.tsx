import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { SelectField, TextField } from '../../components/fields';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import type { Locale } from '../../lib/money';
import { previousMonth } from '../bank-manager/balance-form';
import { Chart, type ChartOption } from './chart';
import { XLSX_TYPE, saveAnswer, type ExportFormat } from './report-export';

export const BALANCE_GROUPS = ['chain', 'chainRole', 'region', 'bank', 'tag', 'size', 'term'] as const;
export type BalanceGroup = (typeof BALANCE_GROUPS)[number];

interface BalanceFigures {
  balance: string;
  mediumLongBalance: string;
  startOfYearBalance: string;
  yearAgoBalance: string;
  growthYtd: string | null;
  growthYoy: string | null;
  share: string | null;
}

/** `GET /reports/balances` as the API answers it. */
export interface BalanceReport {
  asOf: string;
  total: BalanceFigures;
  rows: (BalanceFigures & { key: string; name: string | null })[];
  series?: { month: string; balance: string; growthYoy: string | null }[];
}

/** A ratio "0.1695" as a percentage with two decimals ("16.95%"), exact; a dash without a base. */
export function ratioPercent(ratio: string | null): string {
  if (ratio === null) return '—';
  const negative = ratio.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? ratio.slice(1) : ratio).split('.');
  const basis = (BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4))).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${basis.slice(0, -2)}.${basis.slice(-2)}%`;
}

/** A group's name: the chain's, region's or bank's own, else the console's words for the code. */
function groupName(group: BalanceGroup, row: { key: string; name: string | null }, t: Translate): string {
  if (row.name !== null) return row.name;
  if (group === 'chainRole' || group === 'tag' || group === 'size' || group === 'term')
    return t(`balances.${group}.${row.key}` as MessageKey);
  return t('balances.unnamed');
}

/** The monthly balances (in 亿元) and their growth year on year (%), as bars on two axes. */
function seriesOption(series: NonNullable<BalanceReport['series']>, t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: series.map((m) => m.month) },
    yAxis: [{ type: 'value' }, { type: 'value', axisLabel: { formatter: '{value}%' } }],
    series: [
      {
        type: 'bar',
        name: `${t('balances.col.balance')}（亿元）`,
        data: series.map((m) => Number(m.balance) / 1e8),
      },
      {
        type: 'bar',
        name: t('balances.growthSeries'),
        yAxisIndex: 1,
        data: series.map((m) => (m.growthYoy === null ? null : Number(m.growthYoy) * 100)),
      },
    ],
  };
}

async function downloadBalances(
  api: ApiClient,
  query: Record<string, string>,
  format: ExportFormat,
  locale: Locale,
): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/reports/balances', {
    params: { query: query as never },
    headers: { Accept: format === 'csv' ? 'text/csv' : XLSX_TYPE, 'Accept-Language': locale },
    parseAs: 'blob',
  });
  saveAnswer({ data, error, response }, `balances.${format}`);
}

/**
 * The dashboard's loan balances: a month's balance broken down one way (chain, chain role, region, bank, tag,
 * size or term) with its growth since the start of the year and year on year and each group's share, the
 * last 24 months as a chart, and the table as CSV or .xlsx.
 */
export function BalancesSection({ regionCode }: { regionCode: string }): ReactNode {
  const { t, money, exact, locale } = useI18n();
  const { api } = useAuth();
  const [asOf, setAsOf] = useState(previousMonth());
  const [groupBy, setGroupBy] = useState<BalanceGroup>('chainRole');
  const [exportError, setExportError] = useState<unknown>(undefined);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/u.test(asOf);
  const query = { asOf, groupBy, ...(regionCode ? { regionCode } : {}) };
  const report = useQuery({
    queryKey: [...queryKeys.reports.all, 'balances', query] as const,
    queryFn: () =>
      unwrap(api.GET('/api/v1/reports/balances', { params: { query } })) as Promise<unknown> as Promise<BalanceReport>,
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  // The months' totals do not depend on the breakdown: read once per month and region, not per switch.
  const seriesQuery = { asOf, groupBy: 'region' as const, series: true, ...(regionCode ? { regionCode } : {}) };
  const months = useQuery({
    queryKey: [...queryKeys.reports.all, 'balances', 'series', seriesQuery] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/reports/balances', { params: { query: seriesQuery } }),
      ) as Promise<unknown> as Promise<BalanceReport>,
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const series = months.data?.series;
  const chart = useMemo(() => (series ? seriesOption(series, t) : undefined), [series, t]);
  const exportAs = async (format: ExportFormat): Promise<void> => {
    setExportError(undefined);
    try {
      await downloadBalances(api, query, format, locale);
    } catch (failure: unknown) {
      setExportError(failure);
    }
  };
  const cells = (f: BalanceFigures): ReactNode => (
    <>
      <td title={exact(f.balance)}>{money(f.balance)}</td>
      <td title={exact(f.mediumLongBalance)}>{money(f.mediumLongBalance)}</td>
      <td>{ratioPercent(f.growthYtd)}</td>
      <td>{ratioPercent(f.growthYoy)}</td>
      <td>{ratioPercent(f.share)}</td>
    </>
  );
  return (
    <section aria-labelledby="dash-balances" className="panel" data-testid="balances">
      <h2 id="dash-balances">{t('balances.section')}</h2>
      <form className="filters" aria-label={t('balances.groupBy')} onSubmit={(event) => event.preventDefault()}>
        <TextField
          name="asOf"
          type="month"
          label={t('balances.asOf')}
          value={asOf}
          onChange={(event) => setAsOf(event.target.value)}
        />
        <SelectField
          name="groupBy"
          label={t('balances.groupBy')}
          value={groupBy}
          options={BALANCE_GROUPS.map((g) => ({ value: g, label: t(`balances.group.${g}`) }))}
          onChange={(event) => setGroupBy(event.target.value as BalanceGroup)}
        />
      </form>
      <div className="button-row">
        {(['csv', 'xlsx'] as const).map((format) => (
          <button key={format} type="button" className="secondary" onClick={() => void exportAs(format)}>
            {t('balances.export', { format: format.toUpperCase() })}
          </button>
        ))}
      </div>
      <ProblemBanner error={report.error ?? months.error} />
      <ProblemBanner error={exportError} onDismiss={() => setExportError(undefined)} />
      {(groupBy === 'chain' || groupBy === 'chainRole') && <p className="summary">{t('balances.chainsOnly')}</p>}
      {groupBy === 'tag' && <p className="summary">{t('balances.tagsOverlap')}</p>}
      {data && data.rows.length === 0 && <p>{t('balances.none')}</p>}
      {data && data.rows.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="dash-balances">
          <table aria-labelledby="dash-balances">
            <thead>
              <tr>
                <th scope="col">{t(`balances.group.${groupBy}`)}</th>
                <th scope="col">{t('balances.col.balance')}</th>
                <th scope="col">{t('balances.col.mediumLong')}</th>
                <th scope="col">{t('balances.col.growthYtd')}</th>
                <th scope="col">{t('balances.col.growthYoy')}</th>
                <th scope="col">{t('balances.col.share')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{groupName(groupBy, row, t)}</th>
                  {cells(row)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('balances.total')}</th>
                {cells(data.total)}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {chart && series && (
        <>
          <h3>{t('balances.chart')}</h3>
          <Chart
            option={chart}
            testId="balances-chart"
            label={t('balances.chartLabel', {
              values: series.map((m) => `${m.month} ${money(m.balance)}`).join(', '),
            })}
          />
        </>
      )}
    </section>
  );
}
