import type { ReactNode } from 'react';
import { unwrapPage } from '../../api/client';
import type { Visit } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth, useUser } from '../../auth/auth';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/use-load';
import { OutboxPanel } from './outbox-panel';

export const MY_LIST_LIMIT = 100;

/** The officer's own visits, newest first as the API lists them, with a link to diagnose from each. */
export function MyVisitsPage(): ReactNode {
  const { t, day } = useI18n();
  const { api } = useAuth();
  const user = useUser();
  const visits = useLoad(
    () =>
      unwrapPage<Visit>(
        api.GET('/api/v1/visits', { params: { query: { visitorUserId: user.id, limit: MY_LIST_LIMIT } } }),
      ),
    [api, user.id],
  );
  return (
    <Page
      title={t('myVisits.title')}
      actions={
        <button type="button" className="secondary" onClick={visits.reload}>
          {t('list.refresh')}
        </button>
      }
    >
      <OutboxPanel />
      <ProblemBanner error={visits.error} />
      {visits.data && visits.data.items.length === 0 && <p>{t('myVisits.empty')}</p>}
      {visits.data && visits.data.items.length > 0 && (
        <ul className="card-list" aria-label={t('myVisits.title')}>
          {visits.data.items.map((visit) => (
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
    </Page>
  );
}
