import { readScope, regionCodeRange, type Actor } from '@unblock/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Restricts a query to rows whose `column` lies in the actor's region scope (nothing for an admin). */
export function whereInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  column: string,
): SelectQueryBuilder<T> {
  const scope = readScope(actor);
  if (scope === null) return qb;
  const [low, high] = regionCodeRange(scope);
  return qb.andWhere(`${column} BETWEEN :scopeLow AND :scopeHigh`, { scopeLow: low, scopeHigh: high });
}

/** Restricts a query to rows whose `column` lies within `regionCode` (a filter of the caller's choosing). */
export function whereWithinRegion<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  regionCode: string | undefined,
): SelectQueryBuilder<T> {
  if (regionCode === undefined) return qb;
  const [low, high] = regionCodeRange(regionCode);
  return qb.andWhere(`${column} BETWEEN :filterLow AND :filterHigh`, { filterLow: low, filterHigh: high });
}

/** `text` as an ILIKE pattern that matches it anywhere, its own `%`, `_` and `\\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

/** Restricts a query to rows where any of `columns` contains `q` (case-insensitive; nothing when undefined). */
export function whereContains<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columns: readonly string[],
  q: string | undefined,
): SelectQueryBuilder<T> {
  if (q === undefined) return qb;
  const test = columns.map((column) => `${column} ILIKE :search ESCAPE '\\'`).join(' OR ');
  return qb.andWhere(`(${test})`, { search: containsPattern(q.trim()) });
}
