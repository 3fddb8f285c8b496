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
