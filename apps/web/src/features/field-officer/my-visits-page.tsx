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
import { OutboxPanel } from './outbox-panel';

export const MY_LIST_PAGE_SIZE = 100;

/** The officer's own visits, newest first as the API lists them, with a link to diagnose from each. */
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
      <ProblemBanner error={visits.error} />
      {visits.items && visits.items.length === 0 && <p>{t('myVisits.empty')}</p>}
      {visits.items && visits.items.length > 0 && (
        <ul className="card-list" aria-label={t('myVisits.title')}>
          {visits.items.map((visit) => (
            <li key={visit.id} className="card">
              <p>
                <strong>{day(visit.visitedOn)}</strong> · {t(`kind.${visit.kind}`)}
              </p>
              {visit.summary && <p className="summary">{visit.summary}</p>}
              <Link to={`/visits/${visit.id}/diagnose`}>{t('visit.diagnose')}</Link>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={visits} />
    </Page>
  );
}
