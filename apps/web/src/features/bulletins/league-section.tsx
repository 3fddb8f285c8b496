import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { ChoiceGroup, SelectField, TextField } from '../../components/fields';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { todayInShanghai } from '../../lib/dates';
import {
  LEAGUE_INDICATORS,
  LEAGUE_PERIODS,
  LeagueTable,
  type LeagueBy,
  type LeagueIndicator,
  type LeaguePeriod,
  type LeagueTableData,
} from './league-table';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** The dashboard's league tables: regions or banks ranked on one indicator for a day, week or month. */
export function LeagueSection({ campaignId, regionCode }: { campaignId: string; regionCode: string }): ReactNode {
  const { t, day } = useI18n();
  const { api } = useAuth();
  const [by, setBy] = useState<LeagueBy>('region');
  const [indicator, setIndicator] = useState<LeagueIndicator>('visits');
  const [period, setPeriod] = useState<LeaguePeriod>('day');
  const [on, setOn] = useState(todayInShanghai());
  const query = {
    by,
    indicator,
    period,
    on,
    ...(campaignId ? { campaignId } : {}),
    ...(regionCode ? { regionCode } : {}),
  };
  const league = useQuery({
    queryKey: [...queryKeys.reports.all, 'league', query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/reports/league', { params: { query } })) as Promise<unknown> as Promise<LeagueTableData>,
    enabled: ISO_DAY.test(on),
    placeholderData: keepPreviousData,
  });
  const table = league.data;
  return (
    <section aria-labelledby="dash-league" className="panel">
      <h2 id="dash-league">{t('league.title')}</h2>
      <p>{t('league.intro')}</p>
      <form className="filters" aria-label={t('league.title')} onSubmit={(event) => event.preventDefault()}>
        <ChoiceGroup<LeagueBy>
          name="leagueBy"
          type="radio"
          label={t('league.by')}
          options={[
            { value: 'region', label: t('league.by.region') },
            { value: 'bank', label: t('league.by.bank') },
          ]}
          selected={[by]}
          onChange={([value]) => setBy(value ?? 'region')}
        />
        <SelectField
          name="leagueIndicator"
          label={t('league.indicator')}
          value={indicator}
          options={LEAGUE_INDICATORS.map((value) => ({ value, label: t(`league.indicator.${value}`) }))}
          onChange={(event) => setIndicator(event.target.value as LeagueIndicator)}
        />
        <SelectField
          name="leaguePeriod"
          label={t('league.period')}
          value={period}
          options={LEAGUE_PERIODS.map((value) => ({ value, label: t(`league.period.${value}`) }))}
          onChange={(event) => setPeriod(event.target.value as LeaguePeriod)}
        />
        <TextField
          name="leagueOn"
          type="date"
          label={t('league.on')}
          value={on}
          onChange={(e) => setOn(e.target.value)}
        />
      </form>
      <ProblemBanner error={league.error} />
      {table && (
        <>
          <p className="summary">
            {t('league.range', {
              from: day(table.from),
              to: day(table.to),
              previousFrom: day(table.previousFrom),
              previousTo: day(table.previousTo),
            })}
          </p>
          <LeagueTable table={table} labelledBy="dash-league" />
        </>
      )}
    </section>
  );
}
