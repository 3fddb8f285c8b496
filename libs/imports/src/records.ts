import { CsvError, parse } from 'csv-parse';
import { CsvError as CsvErrorNow, parse as parseNow } from 'csv-parse/sync';
import type { XlsxLimits } from '@unblock/config';
import type { ImportFormat } from '@unblock/database';
import type { Readable } from 'node:stream';
import { ChunkReadError } from './chunks';
import { UnreadableFileError, type FileRecord } from './file-record';
import type { StoredFile } from './stored-file';
import { xlsxRecords } from './xlsx-records';

export { UnreadableFileError, type FileRecord } from './file-record';

/** The longest CSV record read (a quote left open would otherwise gather the rest of the file into one field). */
export const MAX_CSV_RECORD_BYTES = 1024 * 1024;

const CSV_OPTIONS = {
  bom: true,
  relax_column_count: true,
  skip_empty_lines: false,
  max_record_size: MAX_CSV_RECORD_BYTES,
} as const;

/**
 * The rows of a stored CSV, or of the first worksheet of a stored .xlsx workbook (within `limits`), streamed,
 * the header first; blank rows skipped.
 */
export function readRecords(
  format: ImportFormat,
  file: StoredFile,
  limits: XlsxLimits,
  readAhead = 1,
): AsyncGenerator<FileRecord> {
  return format === 'csv' ? csvRecords(file.stream(readAhead)) : workbookRecords(file, limits);
}

/**
 * Every refusal of csv-parse, streaming or at once (its codes are not all `CSV_…`: a stray quote is
 * `INVALID_OPENING_QUOTE`; its sync build carries a class of its own).
 */
function isCsvError(error: unknown): boolean {
  return error instanceof CsvError || error instanceof CsvErrorNow;
}

async function* csvRecords(source: Readable): AsyncGenerator<FileRecord> {
  // Blank lines are read (and skipped below) so that row numbers stay those of the file's lines.
  const parser = parse(CSV_OPTIONS);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      if (cells.every((c) => c.trim() === '')) continue;
      yield { row, cells };
    }
  } catch (error: unknown) {
    if (isCsvError(error)) {
      throw new UnreadableFileError(`the file is not valid CSV after row ${row}: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    source.unpipe(parser);
    source.destroy();
  }
}

async function* workbookRecords(file: StoredFile, limits: XlsxLimits): AsyncGenerator<FileRecord> {
  let zip: Awaited<ReturnType<StoredFile['openZip']>> | undefined;
  try {
    zip = await file.openZip();
    yield* xlsxRecords(zip, limits);
  } catch (error: unknown) {
    if (error instanceof UnreadableFileError || error instanceof ChunkReadError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new UnreadableFileError(`the file is not a readable .xlsx workbook: ${message}`);
  } finally {
    zip?.close();
  }
}

/**
 * The header row of a CSV from its first bytes alone (the first row that is not blank), or undefined when
 * those bytes do not hold it whole (the worker checks it then). `whole` says the head is the whole file: a
 * small file is then read through at upload (a few kilobytes at most), so that a field officer hears of a
 * stray quote at once rather than from a failed import.
 */
export function csvHeader(head: Buffer, whole: boolean): readonly string[] | undefined {
  if (whole) {
    let rows: string[][];
    try {
      rows = parseNow(head, CSV_OPTIONS);
    } catch (error: unknown) {
      // Unreadable as CSV: say so now (anything else, the worker meets again and reports).
      if (!isCsvError(error)) return undefined;
      throw new UnreadableFileError(`the file is not valid CSV: ${(error as Error).message}`);
    }
    return rows.find((row) => row.some((c) => c.trim() !== '')) ?? [];
  }
  const end = head.lastIndexOf(0x0a) + 1;
  if (end <= 0) return undefined;
  const sample = head.subarray(0, end);
  for (let records = 1; records <= 100; records += 1) {
    let rows: string[][];
    try {
      rows = parseNow(sample, { ...CSV_OPTIONS, to: records });
    } catch {
      // A quoted field running past the head: the worker reads on.
      return undefined;
    }
    const last = rows[records - 1];
    if (last === undefined) return undefined;
    if (last.some((c) => c.trim() !== '')) return last;
  }
  return undefined;
}
