import { businessCalendar, businessDaysBetween, CHINA_SCHEDULES } from '@unblock/domain';
import type { Translate } from '../../i18n/i18n';
import { spanInWords } from '../../lib/span-in-words';

const DAY_SECONDS = 86_400;

/** China's official working days (holidays off, adjusted weekends on), as the default SLA calendar keeps them. */
const WORKING_DAYS = businessCalendar(
  CHINA_SCHEDULES.flatMap((schedule) => schedule.holidays),
  CHINA_SCHEDULES.flatMap((schedule) => schedule.workdays),
);

/**
 * How long an escalation's deadline has been overdue, as supervisors say it: within a day, in hours and
 * minutes ("已逾期 3 小时"); past a day, in the working days begun since ("已逾期 2 个工作日"; a weekend
 * alone counts in hours). The span is the API's `overdueSeconds`, which stops at the escalation's resolution.
 */
export function overdueInWords(dueAt: string, overdueSeconds: number, t: Translate): string {
  const due = new Date(dueAt);
  const until = new Date(due.getTime() + Math.max(0, overdueSeconds) * 1000);
  const days = overdueSeconds >= DAY_SECONDS ? businessDaysBetween(due, until, WORKING_DAYS) : 0;
  if (days === 1) return t('escalations.overdueWorkingDay');
  if (days > 1) return t('escalations.overdueWorkingDays', { n: days });
  return t('span.overdue', { span: spanInWords(until.getTime() - due.getTime(), t) });
}
