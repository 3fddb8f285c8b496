import type { ReactNode } from 'react';
import { unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Case } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { LoadMore } from '../../components/load-more';
import { Page, StatusBadge } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { MY_LIST_PAGE_SIZE } from './my-visits-page';

/** The cases diagnosed from the officer's visits (the API's `diagnosedBy=me`), with their status. */
export function MyCasesPage(): ReactNode {
  const { t, money, exact, dateTime } = useI18n();
  const { api } = useAuth();
  const cases = usePagedList(queryKeys.cases.list({ diagnosedBy: 'me' }), (cursor) =>
    unwrapPage<Case>(
      api.GET('/api/v1/cases', {
        params: { query: { diagnosedBy: 'me', ...pageQuery(cursor, MY_LIST_PAGE_SIZE) } },
      }),
    ),
  );
  return (
    <Page
      title={t('myCases.title')}
      actions={
        <button type="button" className="secondary" onClick={cases.refresh}>
          {t('list.refresh')}
        </button>
      }
    >
      <ProblemBanner error={cases.error} />
      {cases.items && cases.items.length === 0 && <p>{t('myCases.empty')}</p>}
      {cases.items && cases.items.length > 0 && (
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
              {cases.items.map((c) => (
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
      <LoadMore list={cases} />
    </Page>
  );
}
