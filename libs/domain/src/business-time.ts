/**
 * Business time for SLA deadlines. A duration is a count of business days ("3BD") or an ISO 8601
 * duration ("PT30S", "P2D"). Business days follow a calendar: weekends off, listed holidays off, listed
 * adjusted working days on. A business-day deadline is the end of its last business day in the
 * calendar's time zone. Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so local days
 * are computed with that fixed offset.
 */
export interface BusinessCalendar {
  /** ISO dates off although weekdays. */
  readonly holidays: ReadonlySet<string>;
  /** ISO dates on although weekends. */
  readonly workdays: ReadonlySet<string>;
  /** Minutes east of UTC; 480 for Asia/Shanghai. */
  readonly utcOffsetMinutes: number;
}

export const WEEKENDS_ONLY: BusinessCalendar = { holidays: new Set(), workdays: new Set(), utcOffsetMinutes: 480 };

export type SlaDuration = { readonly businessDays: number } | { readonly milliseconds: number };

const BUSINESS_DAYS = /^(\d{1,3})BD$/u;
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/u;

/** Parses "3BD" or an ISO 8601 duration of days, hours, minutes and seconds; null when neither. */
export function parseSlaDuration(text: string): SlaDuration | null {
  const bd = BUSINESS_DAYS.exec(text);
  if (bd) return { businessDays: Number(bd[1]) };
  const iso = ISO_DURATION.exec(text);
  if (!iso || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, m, s] = iso;
  if (d === undefined && h === undefined && m === undefined && s === undefined) return null;
  const ms =
    ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60_000 + Math.round(Number(s ?? 0) * 1000);
  return { milliseconds: ms };
}

const DAY = 86_400_000;

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date, calendar: BusinessCalendar): string {
  return new Date(at.getTime() + calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

function dayAfter(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function isBusinessDay(date: string, calendar: BusinessCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last instant of a local date: 23:59:59.999 local time. */
export function endOfLocalDay(date: string, calendar: BusinessCalendar): Date {
  return new Date(Date.parse(`${dayAfter(date)}T00:00:00Z`) - calendar.utcOffsetMinutes * 60_000 - 1);
}

/** The n-th business day after the local day of `from` (n ≥ 1), as a date. */
export function addBusinessDays(from: Date, n: number, calendar: BusinessCalendar): string {
  let date = localDate(from, calendar);
  let left = n;
  while (left > 0) {
    date = dayAfter(date);
    if (isBusinessDay(date, calendar)) left -= 1;
  }
  return date;
}

/** The deadline `duration` after `from`. */
export function deadlineAfter(from: Date, duration: SlaDuration, calendar: BusinessCalendar): Date {
  if ('milliseconds' in duration) return new Date(from.getTime() + duration.milliseconds);
  if (duration.businessDays === 0) return endOfLocalDay(localDate(from, calendar), calendar);
  return endOfLocalDay(addBusinessDays(from, duration.businessDays, calendar), calendar);
}

/** The n-th business day before the local day of `at` (n ≥ 1), as a date. */
export function subtractBusinessDays(at: Date, n: number, calendar: BusinessCalendar): string {
  let date = localDate(at, calendar);
  let left = n;
  while (left > 0) {
    date = dayAfter(date, -1);
    if (isBusinessDay(date, calendar)) left -= 1;
  }
  return date;
}

/**
 * When to remind before a deadline: `duration` earlier. Business days step back over days off and keep the
 * time of day (a deadline at the end of Thursday is reminded at the end of Wednesday).
 */
export function reminderBefore(dueAt: Date, duration: SlaDuration, calendar: BusinessCalendar): Date {
  if ('milliseconds' in duration) return new Date(dueAt.getTime() - duration.milliseconds);
  if (duration.businessDays === 0) return dueAt;
  const date = subtractBusinessDays(dueAt, duration.businessDays, calendar);
  const timeOfDay = (dueAt.getTime() + calendar.utcOffsetMinutes * 60_000) % DAY;
  return new Date(Date.parse(`${date}T00:00:00Z`) + timeOfDay - calendar.utcOffsetMinutes * 60_000);
}

/** A calendar from stored lists of dates. */
export function businessCalendar(holidays: readonly string[], workdays: readonly string[]): BusinessCalendar {
  return { holidays: new Set(holidays), workdays: new Set(workdays), utcOffsetMinutes: 480 };
}

/** Business days from the local day of `from` to the local day of `to`: those after the first, up to the last. */
export function businessDaysBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  let date = localDate(from, calendar);
  const last = localDate(to, calendar);
  let count = 0;
  while (date < last) {
    date = dayAfter(date);
    if (isBusinessDay(date, calendar)) count += 1;
  }
  return count;
}

/** The median of a list of numbers (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
