import type { Notification } from '../../api/types';
import type { I18n } from '../../i18n/i18n';
import { en, type MessageKey } from '../../i18n/messages.en';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * An escalation naming who missed the obligation: the bank (with its tier of "1+2+N" for a need), or the
 * pool, or that no bank is left to claim it (an empty pool); an escalation written before its data named
 * them reads without.
 */
function escalationText(
  level: 1 | 2,
  number: string,
  obligation: string,
  d: Notification['data'],
  t: I18n['t'],
): string {
  if (d['unclaimable'] === true) return t(`inbox.escalation.unclaimable.${level}`, { number });
  const bankName = text(d['bankName']);
  const tier = d['tier'];
  const tierName = tier === 1 || tier === 2 || tier === 3 ? t(`tier.${tier}`) : undefined;
  if (bankName) {
    const bank = tierName ? t('case.bankAtTier', { bank: bankName, tier: tierName }) : bankName;
    return t(`inbox.escalation.bank.${level}`, { number, obligation, bank });
  }
  if (tier === 3) return t(`inbox.escalation.pool.${level}`, { number, obligation });
  return t(`inbox.escalation.${level}`, { number, obligation });
}

/**
 * A notification as a sentence in the reader's language, from its kind and data: the case's number, the
 * obligation by name, times in Shanghai, money in 万元. A notification written before its data carried these
 * (or of a kind added later) reads as the title the server wrote.
 */
export function notificationText(n: Notification, i18n: I18n): string {
  return wordedNotification(n, i18n) ?? n.title;
}

/**
 * `notificationText` from the kind and data alone; undefined when the data lacks what the sentence needs.
 * Each such sentence names its kind (督办, 到期, 每日汇总, 日通报), so the inbox shows no kind label beside it.
 */
export function wordedNotification(n: Notification, { t, dateTime, day, money }: I18n): string | undefined {
  const d = n.data;
  const number = text(d['caseNumber']);
  const obligation = text(d['obligation']);
  const obligationKey = `obligation.${obligation ?? ''}`;
  const obligationName = obligationKey in en ? t(obligationKey as MessageKey) : undefined;
  if (n.kind === 'escalation' && number && obligationName && (d['level'] === 1 || d['level'] === 2)) {
    return escalationText(d['level'], number, obligationName, d, t);
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
  return undefined;
}
