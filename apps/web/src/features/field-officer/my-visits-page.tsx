import type { ReactNode } from 'react';
import { unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Visit } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth, useUser } from '../../auth/auth';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useEnterpriseNames } from '../../reference/enterprise-names';
import { useCampaigns } from '../../reference/reference-lists';
import { MY_LIST_PAGE_SIZE, myCasesPath } from './my-cases-page';
import { OfflineReadsNote } from './offline-reads';
import { OutboxPanel } from './outbox-panel';

/**
 * The officer's own visits, newest first as the API lists them: the enterprise, the day, the kind, the
 * campaign and the summary, with a link to diagnose a need from each and to the needs of that enterprise.
 */
export function MyVisitsPage(): ReactNode {
  const { t, day } = useI18n();
  const { api } = useAuth();
  const user = useUser();
  const query = { visitorUserId: user.id };
  const visits = usePagedList(queryKeys.visits.list(query), (cursor) =>
    unwrapPage<Visit>(
      api.GET('/api/v1/visits', { params: { query: { ...query, ...pageQuery(cursor, MY_LIST_PAGE_SIZE) } } }),
    ),
  );
  const campaigns = useCampaigns();
  const names = useEnterpriseNames(
    api,
    (visits.items ?? []).map((v) => v.enterpriseId),
  );
  const campaignName = new Map((campaigns.data ?? []).map((c) => [c.id, c.name]));
  return (
    <Page
      title={t('myVisits.title')}
      actions={
        <button type="button" className="secondary" onClick={visits.refresh}>
          {t('list.refresh')}
        </button>
      }
    >
      <OutboxPanel />
      <OfflineReadsNote />
      <ProblemBanner error={visits.error} />
      {visits.items && visits.items.length === 0 && <p>{t('myVisits.empty')}</p>}
      {visits.items && visits.items.length > 0 && (
        <ul className="card-list" aria-label={t('myVisits.title')}>
          {visits.items.map((visit) => (
            <li key={visit.id} className="card" data-visit-id={visit.id}>
              <h2 className="card-title">{names.get(visit.enterpriseId) ?? t('app.loading')}</h2>
              <p>
                <strong>{day(visit.visitedOn)}</strong> · {t(`kind.${visit.kind}`)}
                {campaignName.has(visit.campaignId) ? ` · ${campaignName.get(visit.campaignId)}` : ''}
              </p>
              {visit.summary && <p className="summary">{visit.summary}</p>}
              <p className="card-links">
                <Link to={`/visits/${visit.id}/diagnose`}>{t('visit.diagnose')}</Link>
                <Link to={myCasesPath({ enterpriseId: visit.enterpriseId })}>{t('fo.enterpriseCases')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={visits} />
    </Page>
  );
}
