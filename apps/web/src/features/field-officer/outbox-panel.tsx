import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useOutbox, useOutboxState } from './outbox-context';

/** "Waiting to send": the visits kept on this device, what the API refused, and a button to send now. */
export function OutboxPanel(): ReactNode {
  const { t, dateTime, day } = useI18n();
  const outbox = useOutbox();
  const { entries, sending } = useOutboxState();
  return (
    <section className="panel outbox" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      {entries.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <>
          <p role="status">{t('outbox.count', { count: entries.length })}</p>
          <ul className="outbox-list">
            {entries.map((entry) => (
              <li key={entry.clientRef} data-client-ref={entry.clientRef}>
                <strong>{entry.enterpriseName}</strong> · {day(entry.body.visitedOn)} · {t(`kind.${entry.body.kind}`)}
                <br />
                <small>{t('outbox.writtenAt', { at: dateTime(entry.writtenAt) })}</small>
                {entry.rejected && (
                  <>
                    <p className="field-error">{t('outbox.rejected', { reason: entry.rejected.message })}</p>
                    <button type="button" className="link-button" onClick={() => outbox.discard(entry.clientRef)}>
                      {t('outbox.discard')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" disabled={sending} onClick={() => void outbox.flush()}>
            {sending ? t('outbox.sending') : t('outbox.sendNow')}
          </button>
        </>
      )}
    </section>
  );
}
