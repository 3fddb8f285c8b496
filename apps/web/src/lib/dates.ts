import type { Locale } from './money';

/** Every date and time in the console is Shanghai's, whatever the device's own time zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, options: Intl.DateTimeFormatOptions, zone: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let found = dateFormats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    dateFormats.set(key, found);
  }
  return found;
}

/** A calendar day (`"2026-03-05"`, as the API gives `visitedOn`): 2026年3月5日 / Mar 5, 2026. */
export function formatDay(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  if (!match) return isoDate;
  // A calendar day has no zone: noon UTC of that day prints as that day in UTC.
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return format(locale, { dateStyle: 'medium' }, 'UTC').format(at);
}

/** An instant (`"2026-03-05T01:30:00.000Z"`) in Shanghai time: 2026年3月5日 09:30 / Mar 5, 2026, 09:30. */
export function formatDateTime(iso: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return format(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }, TIME_ZONE).format(at);
}

/** Today in Shanghai as `YYYY-MM-DD`. */
export function todayInShanghai(now: Date = new Date()): string {
  const parts = format('en', { year: 'numeric', month: '2-digit', day: '2-digit' }, TIME_ZONE).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
