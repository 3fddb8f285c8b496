import type { Translate } from '../i18n/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A span for people to read, in its two largest units and never in seconds: "2 天 3 小时", "3 小时 5 分钟",
 * "12 分钟", "不足 1 分钟".
 */
export function spanInWords(ms: number, t: Translate): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return t('span.underMinute');
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) return [t('span.days', { n: days }), hours > 0 ? t('span.hours', { n: hours }) : ''].join(' ').trim();
  if (hours > 0) {
    return [t('span.hours', { n: hours }), minutes > 0 ? t('span.minutes', { n: minutes }) : ''].join(' ').trim();
  }
  return t('span.minutes', { n: minutes });
}

/** "剩余 2 天 3 小时" / "已逾期 3 小时", from a deadline and the current time. */
export function deadlineInWords(dueAt: string, now: number, t: Translate): { text: string; overdue: boolean } {
  const left = Date.parse(dueAt) - now;
  const overdue = left <= 0;
  return { text: t(overdue ? 'span.overdue' : 'span.left', { span: spanInWords(left, t) }), overdue };
}
