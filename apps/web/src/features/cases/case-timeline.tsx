import type { ReactNode } from 'react';
import { CASE_SOURCES, SCREENING_CRITERIA } from '@unblock/domain';
import type { CaseDetail } from '../../api/types';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { nameOf } from '../../reference/names';
import { useOrganizations } from '../../reference/reference-lists';

type CaseEvent = CaseDetail['timeline'][number];

/** The event types the console names; any other shows as "other event", never as its code. */
const EVENT_TYPES = [
  'diagnosed',
  'routed',
  'claimed',
  'released',
  'declined',
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
  'contact_confirmed',
  'contact_disputed',
  'rated',
  'submitted',
  'recommended',
  'screened_out',
  'repair_opened',
  'repair_failed',
  'repaired',
] as const;
const MILESTONES = ['contacted', 'due_diligence', 'intention'] as const;
const RESOLUTIONS = ['resolved_elsewhere', 'not_eligible', 'withdrawn', 'duplicate', 'other'] as const;
const OBLIGATIONS = ['screening', 'claim', 'first_contact', 'decision', 'signing', 'repair'] as const;

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** What the event is, in words: `milestone.contacted` reads "登记进展：首次联系". */
function eventLabel(event: CaseEvent, t: Translate): string {
  const milestone = event.type.startsWith('milestone.') ? event.type.slice('milestone.'.length) : undefined;
  if (milestone !== undefined) {
    return includes(MILESTONES, milestone)
      ? t('timeline.milestone', { milestone: t(`milestone.${milestone}`) })
      : t('event.milestone');
  }
  return t(includes(EVENT_TYPES, event.type) ? (`event.${event.type}` as MessageKey) : 'event.other');
}

/**
 * The case's history, oldest first: what happened, who did it (name and organization, or the system),
 * when (Shanghai), and what the event carries (a note, a reason, an amount, where the case went).
 */
export function CaseTimeline({ detail: c }: { detail: CaseDetail }): ReactNode {
  const { t, dateTime, day, money, exact } = useI18n();
  /** A decline reason by the catalogue's name; one the detail does not name reads as a generic word. */
  const reasonName = (code: string): string =>
    c.declineReasons.find((r) => r.code === code)?.name ?? t('timeline.reasonUnnamed');
  const organizations = useOrganizations();
  const bank = (id: unknown): string => (typeof id === 'string' ? nameOf(organizations.data, id) : '—');
  const details = (event: CaseEvent): string[] => {
    const d = event.data as Record<string, unknown>;
    const out: string[] = [];
    if (event.type === 'diagnosed' && includes(CASE_SOURCES, d['source'])) {
      out.push(t('timeline.channel', { source: t(`source.${d['source']}`) }));
    }
    if (event.type === 'rated' && typeof d['score'] === 'number') {
      out.push(t('timeline.score', { score: d['score'] }));
    }
    const comment = event.type === 'rated' ? text(d['comment']) : undefined;
    if (comment) out.push(t('timeline.note', { text: comment }));
    if (event.type === 'diagnosed' && text(d['requestedAmount'])) {
      out.push(t('timeline.requested', { amount: money(String(d['requestedAmount'])) }));
    }
    // A recommended need is routed in the same step: where it went is its `next`.
    const hop =
      event.type === 'recommended' && typeof d['next'] === 'object' && d['next'] !== null
        ? (d['next'] as Record<string, unknown>)
        : d;
    const routed = event.type === 'routed' || event.type === 'recommended';
    if (routed && (hop['tier'] === 1 || hop['tier'] === 2) && typeof hop['bankId'] === 'string') {
      const target = t('case.bankAtTier', { bank: bank(hop['bankId']), tier: t(`tier.${hop['tier']}`) });
      out.push(t('timeline.routedTo', { target }));
    } else if (routed && hop['tier'] === 3) {
      out.push(t('timeline.routedTo', { target: t('tier.3') }));
    }
    if (
      event.type === 'escalated' &&
      includes(OBLIGATIONS, d['obligation']) &&
      (d['level'] === 1 || d['level'] === 2)
    ) {
      out.push(
        t('timeline.escalated', {
          obligation: t(`obligation.${d['obligation']}`),
          level: t(`case.escalationLevel.${d['level']}`),
        }),
      );
    }
    if (event.type === 'recommended' || event.type === 'screened_out') {
      const unmet = Array.isArray(d['unmet']) ? d['unmet'].filter((c) => includes(SCREENING_CRITERIA, c)) : [];
      out.push(
        unmet.length === 0
          ? t('timeline.allMet')
          : t('timeline.unmet', {
              criteria: unmet.map((c) => t(`screening.criterion.${c}`)).join(t('screening.separator')),
            }),
      );
    }
    if (event.type === 'reassigned') out.push(t('timeline.reassignedTo', { bank: bank(d['toBankId']) }));
    if (event.type === 'deadline_extended' && includes(OBLIGATIONS, d['obligation']) && text(d['dueAt'])) {
      out.push(
        t('timeline.extendedTo', {
          obligation: t(`obligation.${d['obligation']}`),
          at: dateTime(String(d['dueAt'])),
        }),
      );
    }
    const reason = text(d['reason']);
    if (reason) out.push(t('timeline.reason', { reason: reasonName(reason) }));
    if (event.type === 'declined' && d['to'] === 'repairing') out.push(t('timeline.toRepair'));
    if (event.type === 'routed' && d['afterRepair'] === true) out.push(t('timeline.afterRepair'));
    if (event.type === 'repair_opened' && text(d['organizationName'])) {
      const org = String(d['organizationName']);
      const due = text(d['due']);
      out.push(due ? t('timeline.repairBy', { org, due: day(due) }) : t('timeline.repairByOrg', { org }));
    }
    if (event.type === 'repair_failed' && d['last'] === true) out.push(t('timeline.repairLast'));
    if (event.type === 'repaired' && typeof d['bankId'] === 'string') {
      out.push(t('timeline.backTo', { bank: bank(d['bankId']) }));
    }
    if (event.type === 'closed' && includes(RESOLUTIONS, d['resolution'])) {
      out.push(t('timeline.resolution', { resolution: t(`supervisor.resolution.${d['resolution']}`) }));
    }
    const approved = text(d['approvedAmount']);
    if (approved) {
      // In Chinese 万/亿 with the exact yuan beside; in English the amount is exact already.
      const amount = money(approved);
      out.push(
        amount === exact(approved)
          ? t('timeline.approvedAmountExact', { amount })
          : t('timeline.approvedAmount', { amount, exact: exact(approved) }),
      );
    }
    const intention = text(d['intentionAmount']);
    if (intention) out.push(t('timeline.intentionAmount', { amount: money(intention) }));
    const note = text(d['note']) ?? text(d['text']);
    if (note) out.push(t('timeline.note', { text: note }));
    return out;
  };
  const who = (event: CaseEvent): string =>
    event.actorName
      ? event.actorOrganizationName
        ? t('person.withOrg', { name: event.actorName, org: event.actorOrganizationName })
        : event.actorName
      : typeof (event.data as Record<string, unknown>)['linkId'] === 'string'
        ? t('timeline.enterprise')
        : t('timeline.system');
  return (
    <section className="panel" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('case.timeline')}</h2>
      <ol className="timeline" data-testid="case-timeline">
        {c.timeline.map((event) => (
          <li key={event.seq}>
            <time dateTime={event.at}>{dateTime(event.at)}</time> <strong>{eventLabel(event, t)}</strong>
            {' · '}
            <span>{who(event)}</span>
            {details(event).map((line) => (
              <div key={line} className="summary">
                {line}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
