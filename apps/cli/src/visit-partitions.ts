import { ARCHIVE_VISITS_MONTH, ENSURE_VISITS_MONTH } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import type { DataSource } from 'typeorm';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/u;

/** `YYYY-MM` as the first day of that month, or a 400-style error naming the option. */
export function monthStart(option: string, value: string | undefined): string {
  if (value === undefined || !MONTH.test(value)) throw DomainError.invalid(option, 'must be a month (YYYY-MM)');
  return `${value}-01`;
}

/**
 * Makes the partitions of visits for `months` months from `first` (YYYY-MM-01) on, moving any of their
 * visits out of the default partition. Answers the partitions' names.
 */
export async function ensureVisitMonths(dataSource: DataSource, first: string, months: number): Promise<string[]> {
  const made: string[] = [];
  const [year, month] = first.split('-').map(Number);
  for (let i = 0; i < months; i += 1) {
    const day = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1 + i, 1)).toISOString().slice(0, 10);
    const [row] = await dataSource.query<{ partition: string }[]>(ENSURE_VISITS_MONTH, [day]);
    if (row !== undefined) made.push(row.partition);
  }
  return made;
}

/**
 * Detaches the month's partition of visits into the `archive` schema (where `pg_dump -t` can save it and
 * `DROP TABLE` remove it). Its visits leave every list and report read from the base tables; the rollups keep
 * their days until those are rebuilt; cases that came from its visits keep their `originVisitId`. Answers the
 * archived table's name, or null when the month had no partition.
 */
export async function archiveVisitMonth(dataSource: DataSource, month: string): Promise<string | null> {
  const [row] = await dataSource.query<{ archived: string | null }[]>(ARCHIVE_VISITS_MONTH, [month]);
  return row?.archived ?? null;
}
