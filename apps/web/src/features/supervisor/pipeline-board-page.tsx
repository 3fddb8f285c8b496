import { useQueries, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Case } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { useNow } from '../../components/countdown';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useEnterpriseNames } from '../../reference/enterprise-names';
import { nameOptions } from '../../reference/names';
import { useBanks, useCampaigns } from '../../reference/reference-lists';
import { deadlineInWords } from '../../lib/span-in-words';
import { bankOf } from './case-bank';
import { searchHref } from './case-search-filters';

/** How many of its most urgent cases a column lists. */
const URGENT_FEW = 3;

/**
 * The pipeline board (看板): a column per status in lifecycle order with the count of the supervisor's
 * region (of one campaign, if chosen), its most urgent few cases, and a link to the search of that status.
 */
export function PipelineBoardPage(): ReactNode {
  const { t, dateTime } = useI18n();
  const { api } = useAuth();
  const now = useNow(30_000);
  const [campaignId, setCampaignId] = useState('');
  const campaigns = useCampaigns();
  const banks = useBanks();
  const filter = campaignId ? { campaignId } : {};
  const counts = useQuery({
    queryKey: [...queryKeys.cases.all, 'counts', filter],
    queryFn: () => unwrap(api.GET('/api/v1/cases/counts', { params: { query: filter } })),
  });
  const columns = counts.data?.byStatus ?? [];
  const urgent = useQueries({
    queries: columns.map(({ status }) => ({
      queryKey: queryKeys.cases.list({ board: status, ...filter }),
      queryFn: () =>
        unwrapPage<Case>(api.GET('/api/v1/cases', { params: { query: { ...filter, status, limit: URGENT_FEW } } })),
    })),
  });
  const names = useEnterpriseNames(
    api,
    urgent.flatMap((q) => q.data?.items ?? []).map((c) => c.enterpriseId),
  );

  return (
    <Page title={t('board.title')}>
      <form className="form filters" aria-label={t('board.campaign')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          name="campaignId"
          label={t('board.campaign')}
          value={campaignId}
          placeholder={t('board.allCampaigns')}
          options={nameOptions(campaigns.data)}
          onChange={(event) => setCampaignId(event.target.value)}
        />
      </form>
      <ProblemBanner error={counts.error ?? campaigns.error ?? banks.error ?? urgent.find((q) => q.error)?.error} />
      {counts.isPending && <p>{t('app.loading')}</p>}
      {counts.data && <p data-testid="board-total">{t('board.total', { total: counts.data.total })}</p>}
      <div className="board" data-testid="pipeline-board">
        {columns.map(({ status, count }, i) => {
          const items = urgent[i]?.data?.items;
          const label = t(`status.${status}`);
          return (
            <section
              key={status}
              className="panel board-column"
              aria-labelledby={`board-${status}`}
              data-status={status}
            >
              <h2 id={`board-${status}`}>
                {label}{' '}
                <span className="badge" data-count={count}>
                  {t('board.count', { count })}
                </span>
              </h2>
              {count === 0 && <p>{t('board.empty')}</p>}
              {items && items.length > 0 && (
                <ul aria-label={t('board.mostUrgent')}>
                  {items.map((c) => {
                    const due = c.dueAt ? deadlineInWords(c.dueAt, now, t) : undefined;
                    return (
                      <li key={c.id} data-case-id={c.id}>
                        <Link to={`/supervision/cases/${c.id}`}>
                          <strong>{c.number}</strong>
                        </Link>{' '}
                        {names.get(c.enterpriseId) ?? '…'}
                        <br />
                        <small>
                          {bankOf(c, banks.data, t)}
                          {due && (
                            <>
                              {' · '}
                              <span title={c.dueAt ? dateTime(c.dueAt) : undefined}>
                                {due.overdue ? <strong>{due.text}</strong> : due.text}
                              </span>
                            </>
                          )}
                        </small>
                      </li>
                    );
                  })}
                </ul>
              )}
              {count > 0 && (
                <p>
                  <Link to={searchHref({ status, ...filter })}>{t('board.viewAll', { count, status: label })}</Link>
                </p>
              )}
            </section>
          );
        })}
      </div>
    </Page>
  );
}
