import type { ReactNode } from 'react';
import { unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Schemas } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';

const PAGE_SIZE = 30;

/** The daily bulletins of my region and below, newest first. */
export function BulletinsPage(): ReactNode {
  const { t, day } = useI18n();
  const { api } = useAuth();
  const list = usePagedList(queryKeys.bulletins.list(), (cursor) =>
    unwrapPage<Schemas['BulletinSummary']>(
      api.GET('/api/v1/bulletins', { params: { query: pageQuery(cursor, PAGE_SIZE) } }),
    ),
  );
  const items = list.items;
  return (
    <Page title={t('bulletin.listTitle')}>
      <ProblemBanner error={list.error} />
      {items && items.length === 0 && <p>{t('bulletin.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="card-list" aria-label={t('bulletin.listTitle')}>
          {items.map((b) => (
            <li key={b.id} className="card">
              <p>
                <Link to={`/bulletins/${b.id}`}>
                  <strong>{t('bulletin.title', { region: b.regionName, day: day(b.day) })}</strong>
                </Link>
              </p>
              <p className="summary">
                {t('bulletin.itemSummary', { overdue: b.overdue, escalated: b.escalated, laggards: b.laggards })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} />
    </Page>
  );
}
