import type { Notification } from '../../api/types';
import type { I18n } from '../../i18n/i18n';
import { en, type MessageKey } from '../../i18n/messages.en';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * A notification as a sentence in the reader's language, from its kind and data: the case's number, the
 * obligation by name, times in Shanghai, money in 万元. A notification written before its data carried these
 * (or of a kind added later) reads as the title the server wrote.
 */
export function notificationText(n: Notification, { t, dateTime, day, money }: I18n): string {
  const d = n.data;
  const number = text(d['caseNumber']);
  const obligation = text(d['obligation']);
  const obligationKey = `obligation.${obligation ?? ''}`;
  const obligationName = obligationKey in en ? t(obligationKey as MessageKey) : undefined;
  if (n.kind === 'escalation' && number && obligationName && (d['level'] === 1 || d['level'] === 2)) {
    return t(`inbox.escalation.${d['level']}`, { number, obligation: obligationName });
  }
  const dueAt = text(d['dueAt']);
  if (n.kind === 'reminder' && number && obligationName && dueAt) {
    return t('inbox.reminder', { number, obligation: obligationName, dueAt: dateTime(dueAt) });
  }
  const reported = text(d['day']);
  const overdue = count(d['overdue']);
  if (n.kind === 'digest' && reported && overdue !== undefined) {
    return t('inbox.digest', { day: day(reported), n: overdue });
  }
  if (n.kind === 'bulletin' && reported) return t('inbox.bulletin', { day: day(reported) });
  const contractNo = text(d['contractNo']);
  const amount = text(d['amount']);
  const maturesOn = text(d['maturesOn']);
  const daysBefore = count(d['daysBefore']);
  if (n.kind === 'maturity' && contractNo && amount && maturesOn && daysBefore !== undefined) {
    return t('inbox.maturity', {
      enterprise: text(d['enterpriseName']) ?? '',
      contractNo,
      amount: money(amount),
      maturesOn: day(maturesOn),
      n: daysBefore,
    });
  }
  return n.title;
}
