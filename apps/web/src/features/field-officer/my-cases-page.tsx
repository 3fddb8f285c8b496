import type { ReactNode } from 'react';
import { unwrapPage } from '../../api/client';
import type { Case, Visit } from '../../api/types';
import { useAuth, useUser } from '../../auth/auth';
import { Page, StatusBadge } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/use-load';
import { MY_LIST_LIMIT } from './my-visits-page';

/**
 * The cases diagnosed from the officer's visits, with their status. The API lists the cases of the
 * officer's region; the ones whose origin visit is the officer's are theirs.
 */
export function MyCasesPage(): ReactNode {
  const { t, money, exact, dateTime } = useI18n();
  const { api } = useAuth();
  const user = useUser();
  const cases = useLoad(async () => {
    const [visits, page] = await Promise.all([
      unwrapPage<Visit>(
        api.GET('/api/v1/visits', { params: { query: { visitorUserId: user.id, limit: MY_LIST_LIMIT } } }),
      ),
      unwrapPage<Case>(api.GET('/api/v1/cases', { params: { query: { limit: MY_LIST_LIMIT } } })),
    ]);
    const mine = new Set(visits.items.map((v) => v.id));
    return page.items.filter((c) => mine.has(c.originVisitId));
  }, [api, user.id]);
  return (
    <Page
      title={t('myCases.title')}
      actions={
        <button type="button" className="secondary" onClick={cases.reload}>
          {t('list.refresh')}
        </button>
      }
    >
      <ProblemBanner error={cases.error} />
      {cases.data && cases.data.length === 0 && <p>{t('myCases.empty')}</p>}
      {cases.data && cases.data.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('myCases.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('col.number')}</th>
                <th scope="col">{t('col.amount')}</th>
                <th scope="col">{t('col.status')}</th>
                <th scope="col">{t('col.due')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id}>
                  <td>{c.number}</td>
                  <td className="number" title={exact(c.requestedAmount)}>
                    {money(c.requestedAmount)}
                  </td>
                  <td>
                    <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
                  </td>
                  <td>{c.dueAt ? dateTime(c.dueAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
