import { DomainError } from '@unblock/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  /** How many items the whole list holds: answered with the first page of a list that counts. */
  readonly total?: number;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
  /** Answer `total` with the first page (a list a person pages through shows it). */
  readonly count?: boolean | undefined;
}

/** A page with each item mapped (to its response), its cursor and count kept. */
export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): Page<R> {
  return { ...page, items: page.items.map(map) };
}

/**
 * A keyset position: the sort key and the row's id (the tie-breaker). The key is a timestamp, or, for a
 * list sorted by an amount, that amount as a decimal string (yuan with fen).
 */
export interface CursorKey {
  readonly at: string;
  readonly id: string;
}

/** What a cursor's sort key is: a timestamp (most lists) or an amount. */
export type CursorKind = 'time' | 'decimal';

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');
}

/** A cursor's timestamp: as `toISOString` writes it, of a year Postgres and JavaScript both hold (1 to 9999). */
const CURSOR_AT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u;
/** An amount as numeric(18,2) answers it: at most 16 integer digits and two decimals. */
const CURSOR_AMOUNT = /^(?:0|[1-9]\d{0,15})\.\d{2}$/u;
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

/**
 * The position a cursor names, or undefined when it is not one this API gave out (garbage, or a forged
 * date such as `+275760-09-13T00:00:00.000Z` that JavaScript reads and Postgres does not). The one check
 * of every list's cursor: `PageQueryDto` refuses such a cursor with a 400 naming `cursor`.
 */
export function parseCursor(cursor: string): CursorKey | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !CURSOR_ID.test(id)) return undefined;
  if (CURSOR_AMOUNT.test(at)) return { at, id };
  if (!CURSOR_AT.test(at)) return undefined;
  const time = Date.parse(at);
  if (Number.isNaN(time) || new Date(time).toISOString() !== at) return undefined; // 30 February
  return { at, id };
}

/** The kind of a cursor's sort key. */
function kindOf(key: CursorKey): CursorKind {
  return CURSOR_AMOUNT.test(key.at) ? 'decimal' : 'time';
}

/**
 * The position a cursor names; a 400 naming `cursor` when it is not one this API gave out, or not one of
 * this list's order (an amount's cursor given to a list in time order).
 */
export function decodeCursor(cursor: string, kind: CursorKind = 'time'): CursorKey {
  const key = parseCursor(cursor);
  if (key === undefined || kindOf(key) !== kind) {
    throw DomainError.invalid('cursor', 'is not a cursor this list gave out');
  }
  return key;
}

/**
 * Keyset pagination in creation order (createdAt, id), or newest first with `direction` DESC: stable while
 * rows are added, and an index scan at any depth. `alias` is the query builder's main alias. Asked to
 * `count`, the first page also answers `total`, the count of every row the query matches.
 */
export async function paginate<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  page: PageRequest,
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  const total = page.count === true && page.cursor === undefined ? await query.clone().getCount() : undefined;
  if (page.cursor !== undefined) {
    const key = decodeCursor(page.cursor);
    query.andWhere(
      `(${alias}.createdAt, ${alias}.id) ${direction === 'ASC' ? '>' : '<'} (:cursorCreatedAt, :cursorId)`,
      {
        cursorCreatedAt: key.at,
        cursorId: key.id,
      },
    );
  }
  const rows = await query
    .orderBy(`${alias}.createdAt`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(page.limit + 1)
    .getMany();
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > page.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null;
  return total === undefined ? { items, nextCursor } : { items, nextCursor, total };
}
