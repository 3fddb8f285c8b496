import { useState, type ReactNode } from 'react';
import { unwrap, unwrapPage } from '../../api/client';
import type { Schemas } from '../../api/types';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth';
import { Page } from '../../components/page';
import { ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/use-load';

export type Notification = Schemas['NotificationResponse'];
export const INBOX_LIMIT = 100;

/** Reminders, escalations and digests addressed to me; unread first in bold, each can be marked read. */
export function InboxPage(): ReactNode {
  const { t, dateTime } = useI18n();
  const { api } = useAuth();
  const inbox = useLoad(
    () => unwrapPage<Notification>(api.GET('/api/v1/me/notifications', { params: { query: { limit: INBOX_LIMIT } } })),
    [api],
  );
  const [error, setError] = useState<unknown>(undefined);
  const markRead = async (id: string): Promise<void> => {
    try {
      await unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));
      inbox.reload();
    } catch (caught: unknown) {
      setError(caught);
    }
  };
  const items = inbox.data?.items;
  return (
    <Page
      title={t('inbox.title')}
      actions={
        <button type="button" className="secondary" onClick={inbox.reload}>
          {t('list.refresh')}
        </button>
      }
    >
      <ProblemBanner error={inbox.error ?? error} onDismiss={() => setError(undefined)} />
      {items && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="card-list" aria-label={t('inbox.title')}>
          {items.map((n) => (
            <li key={n.id} className="card" data-read={n.readAt !== null}>
              <p>
                {n.readAt ? <span>{n.title}</span> : <strong>{n.title}</strong>} · {t(`notification.${n.kind}`)}
                {n.readAt === null && <> · {t('inbox.unread')}</>}
              </p>
              <p className="summary">{dateTime(n.createdAt)}</p>
              <p>
                {n.caseId && <Link to={`/queue/${n.caseId}`}>{t('inbox.openCase')}</Link>}{' '}
                {n.readAt === null && (
                  <button type="button" className="link-button" onClick={() => void markRead(n.id)}>
                    {t('inbox.markRead')}
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
