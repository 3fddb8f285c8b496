import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { FileRecord } from './records';
import type { ColumnIndex } from './columns';

/** A rejected row: its number in the file, the field at fault and why. */
export interface RowError {
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

export interface BatchOutcome {
  readonly accepted: number;
  readonly errors: readonly RowError[];
}

/** A query outside the writing transaction (on a pooled connection): answers the rows. */
export type ReadQuery = <T>(sql: string, parameters: unknown[]) => Promise<T[]>;

/**
 * Validates rows and writes the valid ones, in three steps. `parse` does the checks of one row that need no
 * database; `prepare` does a batch's reads that need not see the batch being written before it (the runner
 * parses and prepares the next batch while the previous one is being written); `write` does the rest of
 * the checks and writes the batch's rows, on the caller's client inside its transaction.
 */
export interface ImportSink<R extends object, P> {
  parse(record: FileRecord): R | RowError;
  prepare(parsed: readonly R[], read: ReadQuery): Promise<P>;
  /** `errors`: those of the batch's rows that failed `parse`. */
  write(client: PoolClient, prepared: P, errors: readonly RowError[]): Promise<BatchOutcome>;
}

export function isRowError(value: object): value is RowError {
  return 'reason' in value && 'field' in value;
}

/** Reads a named cell of a row, trimmed; an absent column reads as empty. */
export function cellReader(columns: ColumnIndex): (record: FileRecord, name: string) => string {
  return (record, name) => {
    const index = columns.get(name);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
}

/** A field of Postgres' COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/u.test(value)
    ? value.replace(/\\/gu, '\\\\').replace(/\t/gu, '\\t').replace(/\n/gu, '\\n').replace(/\r/gu, '\\r')
    : value;
}

/**
 * Runs a `COPY … FROM STDIN` statement (`COPY_VISITS`, `COPY_ENTERPRISES`) with lines already in its COPY
 * text format (its columns in its order, newline-terminated), sent in pieces of about 1 MB.
 */
export async function copyLines(client: PoolClient, copy: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  function* pieces(): Generator<string> {
    let piece = '';
    for (const line of lines) {
      piece += line;
      if (piece.length >= 1 << 20) {
        yield piece;
        piece = '';
      }
    }
    if (piece.length > 0) yield piece;
  }
  await pipeline(Readable.from(pieces()), client.query(copyFrom(copy)));
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** A real calendar day written YYYY-MM-DD (the checks of `new Date`, without building one per row). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}
