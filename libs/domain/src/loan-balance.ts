import { toFen } from './money';

/** A month as the API writes it: `2025-06`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/u;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** The month `months` before or after `month` (`2025-06`, -6 → `2024-12`). */
export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The December before the month's year: the start of the year that growth since the start of the year counts from. */
export function startOfYearMonth(month: string): string {
  return `${String(Number(month.slice(0, 4)) - 1).padStart(4, '0')}-12`;
}

/** The month's first day, as Postgres takes it. */
export function monthDay(month: string): string {
  return `${month}-01`;
}

/**
 * What is wrong with a balance report's month and figures (money strings already checked), as the field at
 * fault and why; null when nothing. `today` is the reporter's day (Asia/Shanghai), `YYYY-MM-DD`: a month
 * after its month is not reported yet.
 */
export function balanceReportProblem(
  month: string,
  balance: string,
  mediumLongBalance: string,
  today: string,
): { field: 'month' | 'mediumLongBalance'; message: string } | null {
  if (!isMonth(month)) return { field: 'month', message: 'must be a month written YYYY-MM' };
  if (month > today.slice(0, 7)) return { field: 'month', message: 'must not be a month in the future' };
  if (toFen(mediumLongBalance) > toFen(balance)) {
    return { field: 'mediumLongBalance', message: 'must not exceed balance' };
  }
  return null;
}
