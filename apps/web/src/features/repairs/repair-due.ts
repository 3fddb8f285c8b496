import type { Translate } from '../../i18n/i18n';
import { todayInShanghai } from '../../lib/dates';

/**
 * Working days (Monday to Friday) after `today` up to and including `due`, both `YYYY-MM-DD`: 0 when due today,
 * negative never (an overdue task says so instead). Public holidays are the server's business: its `overdue`
 * flag is the truth, this count is a reading aid.
 */
export function workingDaysUntil(due: string, today: string): number {
  const at = (day: string): number =>
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  let count = 0;
  for (let t = at(today) + 86_400_000; t <= at(due); t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** A task's due date in words: "还剩 3 个工作日（2026年3月5日前）", "今天到期", "已逾期", or the day for a closed one. */
export function dueInWords(
  task: { dueAt: string; overdue: boolean; status: string },
  t: Translate,
  day: (isoDate: string) => string,
  now: Date = new Date(),
): string {
  const due = todayInShanghai(new Date(task.dueAt));
  const date = day(due);
  if (task.status !== 'open') return t('repairs.dueOn', { date });
  if (task.overdue) return t('repairs.overdue', { date });
  const days = workingDaysUntil(due, todayInShanghai(now));
  return days <= 0 ? t('repairs.dueToday', { date }) : t('repairs.dueIn', { days, date });
}
