import { businessCalendar, businessDaysBetween, CHINA_SCHEDULES } from '@unblock/domain';
import type { Translate } from '../i18n/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** China's official working days (holidays off, adjusted weekends on), as the default SLA calendar keeps them. */
const WORKING_DAYS = businessCalendar(
  CHINA_SCHEDULES.flatMap((schedule) => schedule.holidays),
  CHINA_SCHEDULES.flatMap((schedule) => schedule.workdays),
);

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

/**
 * The span between two instants as an SLA speaks it: past a day, in the working days of China's official
 * calendar that begin within it ("3 个工作日"; a weekend alone counts in hours); within a day, in hours and
 * minutes.
 */
function workingSpanInWords(from: number, to: number, t: Translate): string {
  if (to - from >= DAY) {
    const days = businessDaysBetween(new Date(from), new Date(to), WORKING_DAYS);
    if (days === 1) return t('span.workingDay');
    if (days > 1) return t('span.workingDays', { n: days });
  }
  return spanInWords(to - from, t);
}

/** "剩余 3 个工作日" / "剩余 5 小时" / "已逾期 2 个工作日", from a deadline and the current time. */
export function deadlineInWords(dueAt: string, now: number, t: Translate): { text: string; overdue: boolean } {
  const due = Date.parse(dueAt);
  const overdue = due - now <= 0;
  const span = overdue ? workingSpanInWords(due, now, t) : workingSpanInWords(now, due, t);
  return { text: t(overdue ? 'span.overdue' : 'span.left', { span }), overdue };
}
