import type { Translate } from '../../i18n/i18n';
import { deadlineInWords } from '../../lib/span-in-words';

/**
 * How long an escalation's deadline has been overdue, as supervisors say it ("已逾期 3 小时", "已逾期 2 个工作日").
 * The span is the API's `overdueSeconds`, which stops at the escalation's resolution.
 */
export function overdueInWords(dueAt: string, overdueSeconds: number, t: Translate): string {
  return deadlineInWords(dueAt, Date.parse(dueAt) + Math.max(0, overdueSeconds) * 1000, t).text;
}
