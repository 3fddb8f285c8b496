import type { DateRange, LeaguePeriod, LeagueRow } from './league.response';

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The period holding `on`: the day, its ISO week (Monday to Sunday) or its calendar month. */
export function periodOf(period: LeaguePeriod, on: string): DateRange {
  if (period === 'day') return { from: on, to: on };
  if (period === 'week') {
    const day = dayNumber(on);
    const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
    return { from: dateOf(day - weekday), to: dateOf(day - weekday + 6) };
  }
  const first = `${on.slice(0, 7)}-01`;
  const [year = 0, month = 1] = on.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: first, to: dateOf(dayNumber(next) - 1) };
}

/** The period of the same kind just before the one holding `on`. */
export function previousPeriodOf(period: LeaguePeriod, on: string): DateRange {
  return periodOf(period, dateOf(dayNumber(periodOf(period, on).from) - 1));
}

/** A non-negative decimal string as an integer scaled by 10^4, for exact comparison. */
function scaled(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace(/^-/u, '').split('.');
  const n = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4) || '0');
  return negative ? -n : n;
}

/** Competition ranks (1, 2, 2, 4), higher values first; rows without a value share the last rank. */
export function competitionRanks(values: ReadonlyMap<string, string | null>): Map<string, number> {
  const entries = [...values.entries()].sort(([, a], [, b]) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    const d = scaled(b) - scaled(a);
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  });
  const ranks = new Map<string, number>();
  entries.forEach(([key, value], i) => {
    const before = entries[i - 1];
    const same =
      before !== undefined &&
      (before[1] === null ? value === null : value !== null && scaled(before[1]) === scaled(value));
    ranks.set(key, same && before !== undefined ? (ranks.get(before[0]) ?? i + 1) : i + 1);
  });
  return ranks;
}

/**
 * The ranked rows of both periods' values (by key), in rank order and then by name; a key without a value
 * has `missing` (zero for a count, null for a share).
 */
export function rankRows(
  names: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string | null>,
  previous: ReadonlyMap<string, string | null>,
  missing: string | null,
): LeagueRow[] {
  const now = new Map([...names.keys()].map((k) => [k, current.has(k) ? (current.get(k) ?? null) : missing]));
  const before = new Map([...names.keys()].map((k) => [k, previous.has(k) ? (previous.get(k) ?? null) : missing]));
  const ranks = competitionRanks(now);
  const previousRanks = competitionRanks(before);
  return [...names.entries()]
    .map(([key, name]) => {
      const rank = ranks.get(key) ?? 0;
      const previousRank = previousRanks.get(key) ?? 0;
      return {
        key,
        name,
        rank,
        previousRank,
        rankChange: previousRank - rank,
        value: now.get(key) ?? null,
        previousValue: before.get(key) ?? null,
      };
    })
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN') || (a.key < b.key ? -1 : 1));
}
