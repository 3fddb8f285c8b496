import type { ReactNode } from 'react';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useOutbox, useOutboxState } from './outbox-context';
import { needState, type OutboxEntry } from './outbox-entries';

/** "2 visits and 1 need waiting to send", for the panel and the connection line. */
export function waitingText(t: Translate, entries: readonly OutboxEntry[]): string {
  const needs = entries.filter((e) => e.type === 'need').length;
  const visits = entries.length - needs;
  if (needs === 0) return t('outbox.count', { count: visits });
  return visits === 0 ? t('outbox.waitingNeeds', { count: needs }) : t('outbox.waitingBoth', { visits, needs });
}

/** One entry in words: the enterprise, the visit's day and kind or the need's amount, and where it stands. */
function EntryLine({ entry, entries }: { entry: OutboxEntry; entries: readonly OutboxEntry[] }): ReactNode {
  const { t, day, money, dateTime } = useI18n();
  const outbox = useOutbox();
  const state = entry.type === 'need' ? needState(entry, entries).state : undefined;
  const what =
    entry.type === 'visit'
      ? [t('outbox.visitLine', { day: day(entry.body.visitedOn) }), t(`kind.${entry.body.kind}`)]
      : [t('outbox.needLine', { amount: money(entry.body.requestedAmount) })];
  const standing = state === 'waiting' ? t('outbox.afterVisit') : t('outbox.waiting');
  const hasNeeds = entries.some(
    (e) => e.type === 'need' && 'clientRef' in e.visit && e.visit.clientRef === entry.clientRef,
  );
  return (
    <li data-client-ref={entry.clientRef} data-entry-type={entry.type}>
      <strong>{entry.enterpriseName}</strong> · {what.join(' · ')}
      {entry.rejected === undefined && state !== 'blocked' && <> · {standing}</>}
      <br />
      <small>{t('outbox.writtenAt', { at: dateTime(entry.writtenAt) })}</small>
      {entry.rejected && <p className="field-error">{t('outbox.rejected', { reason: entry.rejected.message })}</p>}
      {state === 'blocked' && <p className="field-error">{t('outbox.visitRefused')}</p>}
      {(entry.rejected !== undefined || state === 'blocked') && (
        <button type="button" className="link-button" onClick={() => outbox.discard(entry.clientRef)}>
          {hasNeeds ? t('outbox.discardWithNeeds') : t('outbox.discard')}
        </button>
      )}
    </li>
  );
}

/**
 * "Waiting to send": the visits and needs kept on this device, in the order they will be sent, what the
 * API refused, and a button to send now.
 */
export function OutboxPanel(): ReactNode {
  const { t } = useI18n();
  const outbox = useOutbox();
  const { entries, sending } = useOutboxState();
  return (
    <section className="panel outbox" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      {entries.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <>
          <p role="status">{waitingText(t, entries)}</p>
          <ul className="outbox-list">
            {entries.map((entry) => (
              <EntryLine key={entry.clientRef} entry={entry} entries={entries} />
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
