import { BOTTLENECKS, CASE_SOURCES, DECLINE_REASONS } from '@unblock/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { nameOptions, regionOptions } from '../../reference/names';
import { useCampaigns, useRegions } from '../../reference/reference-lists';
import { LeagueSection } from '../bulletins/league-section';
import { BalancesSection } from './balances-section';
import { BankFiguresTable } from './bank-figures-table';
import { ChainFiguresTable } from './chain-figures-table';
import { FeedbackFiguresTable } from './feedback-figures-table';
import { LoanOutcomesTable } from './loan-outcomes-table';
import { Chart } from './chart';
import { bankOption, barChartHeight, bottleneckOption, funnelOption } from './dashboard-charts';
import { downloadReport, type ExportFormat, type ReportName, type ReportQuery } from './report-export';
import { RegionFunnelTable } from './region-funnel-table';
import {
  funnelSteps,
  percent,
  type BankFigures,
  type ChainFigures,
  type RegionFunnel,
  type SummaryFigures,
} from './report-figures';

interface Filters {
  campaignId: string;
  regionCode: string;
  from: string;
  to: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** The filters the API accepts, without the empty ones and the dates that are not dates yet. */
export function reportQuery(filters: Filters): ReportQuery {
  return {
    ...(filters.campaignId ? { campaignId: filters.campaignId } : {}),
    ...(filters.regionCode ? { regionCode: filters.regionCode } : {}),
    ...(ISO_DAY.test(filters.from) ? { from: filters.from } : {}),
    ...(ISO_DAY.test(filters.to) ? { to: filters.to } : {}),
  };
}

/** The campaign dashboard: funnel, SLA compliance, bottlenecks, the figures by chain and by bank, and the loan balances. */
export function DashboardPage(): ReactNode {
  const { t, money, exact, locale } = useI18n();
  const { api } = useAuth();
  const [filters, setFilters] = useState<Filters>({ campaignId: '', regionCode: '', from: '', to: '' });
  const [exportError, setExportError] = useState<unknown>(undefined);
  const [exporting, setExporting] = useState<string | undefined>(undefined);
  const query = reportQuery(filters);
  const rangeError = query.from && query.to && query.to < query.from ? t('dashboard.rangeError') : undefined;
  const campaigns = useCampaigns();
  const regions = useRegions();
  const figures = useQuery({
    queryKey: queryKeys.reports.figures(query),
    queryFn: async () => {
      const [summary, regions, chains, banks] = await Promise.all([
        unwrap(
          api.GET('/api/v1/reports/summary', { params: { query } }),
        ) as Promise<unknown> as Promise<SummaryFigures>,
        unwrap(api.GET('/api/v1/reports/regions', { params: { query } })) as Promise<unknown> as Promise<
          RegionFunnel[]
        >,
        unwrap(api.GET('/api/v1/reports/chains', { params: { query } })) as Promise<unknown> as Promise<ChainFigures[]>,
        unwrap(api.GET('/api/v1/reports/banks', { params: { query } })) as Promise<unknown> as Promise<BankFigures[]>,
      ]);
      return { summary, regions, chains, banks };
    },
    enabled: !rangeError,
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<Filters>): void => setFilters((previous) => ({ ...previous, ...patch }));
  // A range that ends before it starts shows no figures (the field says why).
  const shown = rangeError ? undefined : figures.data;
  const summary = shown?.summary;

  const steps = useMemo(() => (summary ? funnelSteps(summary) : []), [summary]);
  const funnelChart = useMemo(() => funnelOption(steps, t), [steps, t]);
  const bottleneckChart = useMemo(() => (summary ? bottleneckOption(summary, t) : undefined), [summary, t]);
  const bankChart = useMemo(() => bankOption(shown?.banks ?? [], t), [shown, t]);

  const exportReport = async (report: ReportName, format: ExportFormat): Promise<void> => {
    setExportError(undefined);
    setExporting(`${report}.${format}`);
    try {
      await downloadReport(api, report, format, query, locale);
    } catch (error: unknown) {
      setExportError(error);
    } finally {
      setExporting(undefined);
    }
  };
  const exportButtons = (report: ReportName): ReactNode => (
    <div className="button-row">
      {(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="secondary"
          disabled={exporting !== undefined}
          onClick={() => void exportReport(report, format)}
        >
          {t(format === 'csv' ? 'dashboard.exportCsv' : 'dashboard.exportXlsx', {
            report: t(`dashboard.report.${report}`),
          })}
        </button>
      ))}
    </div>
  );

  // The catalogue's name (Chinese); in English the console's words for the built-in reasons.
  const reasonName = (d: { reason: string; name: string }): string =>
    locale === 'en' && (DECLINE_REASONS as readonly string[]).includes(d.reason)
      ? t(`declineReason.${d.reason as (typeof DECLINE_REASONS)[number]}`)
      : d.name;
  const figure = (key: string, label: string, value: string, title?: string): ReactNode => (
    <div className="figure" key={key}>
      <dt>{label}</dt>
      <dd data-figure={key} title={title}>
        {value}
      </dd>
    </div>
  );

  return (
    <Page title={t('dashboard.title')} wide>
      <form className="filters" aria-label={t('supervisor.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="campaignId"
          label={t('col.campaign')}
          value={filters.campaignId}
          placeholder={t('supervisor.all')}
          options={nameOptions(campaigns.data)}
          onChange={(event) => set({ campaignId: event.target.value })}
        />
        <SelectField
          name="regionCode"
          label={t('supervisor.region')}
          value={filters.regionCode}
          placeholder={t('supervisor.all')}
          options={regionOptions(regions.data)}
          onChange={(event) => set({ regionCode: event.target.value })}
        />
        <TextField
          name="from"
          type="date"
          label={t('dashboard.from')}
          value={filters.from}
          onChange={(event) => set({ from: event.target.value })}
        />
        <TextField
          name="to"
          type="date"
          label={t('dashboard.to')}
          value={filters.to}
          error={rangeError}
          onChange={(event) => set({ to: event.target.value })}
        />
      </form>
      <ProblemBanner error={figures.error ?? campaigns.error ?? regions.error} />
      <ProblemBanner error={exportError} onDismiss={() => setExportError(undefined)} />
      {figures.isLoading && <p>{t('app.loading')}</p>}
      {summary && shown && (
        <>
          <section aria-labelledby="dash-summary" className="panel">
            <h2 id="dash-summary">{t('dashboard.summary')}</h2>
            {exportButtons('summary')}
            <dl className="figures" data-testid="summary-figures">
              {figure('visits', t('dashboard.visits'), String(summary.visits))}
              {figure('enterprisesVisited', t('dashboard.enterprisesVisited'), String(summary.enterprisesVisited))}
              {figure('needsDiagnosed', t('dashboard.needs'), String(summary.needsDiagnosed))}
              {CASE_SOURCES.map((source) =>
                figure(
                  `needsBySource.${source}`,
                  t('dashboard.needsFrom', { source: t(`source.${source}`) }),
                  String(summary.needsBySource[source]),
                ),
              )}
              {figure('enterprisesWithNeed', t('dashboard.enterprisesWithNeed'), String(summary.enterprisesWithNeed))}
              {figure('claimed', t('dashboard.claimed'), String(summary.funnel.claimed))}
              {figure('signedCount', t('dashboard.signed'), String(summary.signedCount))}
              {figure('enterprisesFinanced', t('dashboard.financed'), String(summary.enterprisesFinanced))}
              {figure('claimsWithinSlaShare', t('dashboard.slaShare'), percent(summary.claimsWithinSlaShare))}
              {figure('longTermShare', t('dashboard.longTermShare'), percent(summary.longTermShare))}
              {figure('chainLeaderShare', t('dashboard.chainLeaderShare'), percent(summary.chainLeaderShare))}
              {figure(
                'medianBusinessDaysToClaim',
                t('dashboard.medianToClaim'),
                summary.medianBusinessDaysToClaim === null ? '—' : String(summary.medianBusinessDaysToClaim),
              )}
              {figure(
                'medianBusinessDaysToSigning',
                t('dashboard.medianToSigning'),
                summary.medianBusinessDaysToSigning === null ? '—' : String(summary.medianBusinessDaysToSigning),
              )}
            </dl>
          </section>
          <div className="chart-grid">
            <section aria-labelledby="dash-funnel" className="panel">
              <h2 id="dash-funnel">{t('dashboard.funnel')}</h2>
              <p className="summary">{t('dashboard.funnelNote')}</p>
              <Chart
                option={funnelChart}
                testId="funnel-chart"
                label={steps
                  .map((s) => t('dashboard.funnelStep', { label: t(`funnel.${s.step}`), value: s.count }))
                  .join(', ')}
              />
              <p className="summary">{t('funnel.stageNote')}</p>
            </section>
            <section aria-labelledby="dash-beside" className="panel">
              <h2 id="dash-beside">{t('funnel.beside')}</h2>
              <dl className="figures" data-testid="beside-funnel">
                {figure('screenedOut', t('funnel.screenedOut'), String(summary.screening?.screenedOut ?? 0))}
                {figure('declined', t('funnel.declined'), String(summary.funnel.declined))}
                {figure('repaired', t('funnel.repaired'), String(summary.funnel.repaired))}
              </dl>
              <h3 id="dash-declines">{t('funnel.declinesByReason')}</h3>
              {summary.funnel.declinesByReason.length === 0 ? (
                <p>{t('funnel.noDeclines')}</p>
              ) : (
                <ul aria-labelledby="dash-declines" data-testid="declines-by-reason">
                  {summary.funnel.declinesByReason.map((d) => (
                    <li key={d.reason}>{t('funnel.declineReasonItem', { reason: reasonName(d), count: d.count })}</li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="dash-amounts" className="panel">
              <h2 id="dash-amounts">{t('dashboard.amounts')}</h2>
              <dl className="figures amounts" data-testid="amount-figures">
                {figure(
                  'intentionAmount',
                  t('dashboard.intentionAmount'),
                  money(summary.intentionAmount),
                  exact(summary.intentionAmount),
                )}
                {figure(
                  'signedAmount',
                  t('dashboard.signedAmount'),
                  money(summary.signedAmount),
                  exact(summary.signedAmount),
                )}
              </dl>
            </section>
            <section aria-labelledby="dash-bottlenecks" className="panel">
              <h2 id="dash-bottlenecks">{t('dashboard.bottlenecks')}</h2>
              {summary.topBottlenecks.length === 0 || !bottleneckChart ? (
                <p>{t('dashboard.noBottlenecks')}</p>
              ) : (
                <Chart
                  option={bottleneckChart}
                  label={summary.topBottlenecks
                    .filter((b) => BOTTLENECKS.includes(b.bottleneck))
                    .map((b) => `${t(`bottleneck.${b.bottleneck}`)} ${b.count}`)
                    .join(', ')}
                />
              )}
            </section>
          </div>
          {summary.loanOutcomes && (
            <section aria-labelledby="dash-loan-outcomes" className="panel">
              <h2 id="dash-loan-outcomes">{t('loanOutcome.breakdown')}</h2>
              <LoanOutcomesTable outcomes={summary.loanOutcomes} labelledBy="dash-loan-outcomes" />
            </section>
          )}
          <LeagueSection campaignId={filters.campaignId} regionCode={filters.regionCode} />
          <section aria-labelledby="dash-regions" className="panel">
            <h2 id="dash-regions">{t('funnel.byRegion')}</h2>
            <p>{t('funnel.byRegionNote')}</p>
            <RegionFunnelTable regions={shown.regions} labelledBy="dash-regions" />
          </section>
          <section aria-labelledby="dash-chains" className="panel">
            <h2 id="dash-chains">{t('dashboard.byChain')}</h2>
            {exportButtons('chains')}
            <ChainFiguresTable chains={shown.chains} labelledBy="dash-chains" />
          </section>
          <section aria-labelledby="dash-banks" className="panel">
            <h2 id="dash-banks">{t('dashboard.byBank')}</h2>
            {exportButtons('banks')}
            {shown.banks.length > 0 && (
              <Chart
                option={bankChart}
                testId="bank-chart"
                height={barChartHeight(shown.banks.length)}
                label={shown.banks
                  .map((b) =>
                    t('dashboard.bankChartItem', { bank: b.bankName, claims: b.claims, escalations: b.escalations }),
                  )
                  .join(', ')}
              />
            )}
            <BankFiguresTable banks={shown.banks} labelledBy="dash-banks" />
          </section>
          <section aria-labelledby="dash-feedback" className="panel">
            <h2 id="dash-feedback">{t('feedback.title')}</h2>
            <p>{t('feedback.intro')}</p>
            <h3 id="dash-feedback-banks">{t('dashboard.byBank')}</h3>
            <FeedbackFiguresTable
              rows={shown.banks.map((b) => ({ id: b.bankId, name: b.bankName, feedback: b.feedback }))}
              nameLabel={t('supervisor.bank')}
              labelledBy="dash-feedback-banks"
              testId="feedback-banks-table"
            />
            <h3 id="dash-feedback-chains">{t('dashboard.byChain')}</h3>
            <FeedbackFiguresTable
              rows={shown.chains.map((c) => ({ id: c.chainId, name: c.chainName, feedback: c.feedback }))}
              nameLabel={t('supervisor.chain')}
              labelledBy="dash-feedback-chains"
              testId="feedback-chains-table"
            />
          </section>
        </>
      )}
      <BalancesSection regionCode={filters.regionCode} />
    </Page>
  );
}
