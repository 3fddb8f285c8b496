import type { ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import { pageQuery, usePagedList } from '../../api/paged-list';
import { queryKeys } from '../../api/query-keys';
import type { Notification } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { LoadMore } from '../../components/load-more';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { wordedNotification } from './notification-text';

export const INBOX_PAGE_SIZE = 100;

/**
 * Reminders, escalations and digests addressed to me, newest first; unread in bold, marked 未读, each can be
 * marked read. A sentence worded from its data names its kind; only a title as written has the kind beside it.
 */
export function InboxPage(): ReactNode {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { api, user } = useAuth();
  const casePath = user?.role === 'supervisor' ? '/supervision/cases' : '/queue';
  const inbox = usePagedList(queryKeys.notifications.list(), (cursor) =>
    unwrapPage<Notification>(
      api.GET('/api/v1/me/notifications', { params: { query: pageQuery(cursor, INBOX_PAGE_SIZE) } }),
    ),
  );
  const markRead = useApiMutation(
    (id: string) => unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    [queryKeys.notifications.all],
  );
  const items = inbox.items;
  return (
    <Page
      title={t('inbox.title')}
      actions={
        <button type="button" className="secondary" onClick={inbox.refresh}>
          {t('list.refresh')}
        </button>
      }
    >
      <ProblemBanner error={inbox.error ?? markRead.error} onDismiss={markRead.reset} />
      {items && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="card-list" aria-label={t('inbox.title')}>
          {items.map((n) => {
            const worded = wordedNotification(n, i18n);
            const sentence = worded ?? n.title;
            return (
              <li key={n.id} className="card" data-read={n.readAt !== null}>
                <p>
                  {n.readAt ? <span>{sentence}</span> : <strong>{sentence}</strong>}
                  {worded === undefined && <> · {t(`notification.${n.kind}`)}</>}
                  {n.readAt === null && <> · {t('inbox.unread')}</>}
                </p>
                <p className="summary">{dateTime(n.createdAt)}</p>
                <p>
                  {n.caseId && <Link to={`${casePath}/${n.caseId}`}>{t('inbox.openCase')}</Link>}
                  {n.kind === 'bulletin' && typeof n.data['bulletinId'] === 'string' && (
                    <Link to={`/bulletins/${n.data['bulletinId']}`}>{t('inbox.openBulletin')}</Link>
                  )}{' '}
                  {n.kind === 'maturity' && <Link to="/maturing">{t('maturity.title')}</Link>}{' '}
                  {n.readAt === null && (
                    <button type="button" className="link-button" onClick={() => markRead.mutate(n.id)}>
                      {t('inbox.markRead')}
                    </button>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore list={inbox} />
    </Page>
  );
}
