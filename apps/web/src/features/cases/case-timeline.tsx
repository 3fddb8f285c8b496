import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';

/** The event types the console names; any other shows as "other event", never as its code. */
const EVENT_TYPES = [
  'diagnosed',
  'routed',
  'claimed',
  'released',
  'declined',
  'milestone',
  'paused',
  'resumed',
  'approved',
  'loans_signed',
  'closed',
  'reassigned',
  'deadline_extended',
  'note',
  'claim_deadline_missed',
  'escalated',
] as const;

function eventLabel(type: string): MessageKey {
  return (EVENT_TYPES as readonly string[]).includes(type) ? (`event.${type}` as MessageKey) : 'event.other';
}

/** The case's history, oldest first: every transition and note, with its time (Shanghai). */
export function CaseTimeline({ events }: { events: CaseDetail['timeline'] }): ReactNode {
  const { t, dateTime } = useI18n();
  return (
    <section className="panel" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('case.timeline')}</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.seq}>
            <time dateTime={event.at}>{dateTime(event.at)}</time> {t(eventLabel(event.type))}
          </li>
        ))}
      </ol>
    </section>
  );
}
