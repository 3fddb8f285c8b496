import { CsvError, parse } from 'csv-parse';
import type { ImportFormat } from '@unblock/database';
import { stream as excelStream, type CellValue } from 'exceljs';
import type { Readable } from 'node:stream';
import { ChunkReadError } from './chunks';

/** One row of the file: its number as a spreadsheet counts rows (the header is row 1) and its cells as text. */
export interface FileRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

/** The file is not readable as its format (an unclosed quote, a broken workbook): the import fails. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** The rows of a CSV or of the first worksheet of an xlsx workbook, streamed, the header first; blank rows skipped. */
export function readRecords(format: ImportFormat, source: Readable): AsyncGenerator<FileRecord> {
  return format === 'csv' ? csvRecords(source) : xlsxRecords(source);
}

async function* csvRecords(source: Readable): AsyncGenerator<FileRecord> {
  // Blank lines are read (and skipped below) so that row numbers stay those of the file's lines.
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
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
    // Every refusal of csv-parse (its codes are not all `CSV_…`: a stray quote is `INVALID_OPENING_QUOTE`).
    if (error instanceof CsvError) {
      throw new UnreadableFileError(`the file is not valid CSV: ${error.message}`);
    }
    throw error;
  } finally {
    source.unpipe(parser);
    source.destroy();
  }
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('text' in value) return cellText((value as { text: CellValue }).text);
    if ('error' in value) return '';
  }
  return '';
}

async function* xlsxRecords(source: Readable): AsyncGenerator<FileRecord> {
  const reader = new excelStream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = (row.values as CellValue[] | undefined) ?? [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i] ?? null).trim());
        if (cells.every((c) => c === '')) continue;
        yield { row: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (error: unknown) {
    if (error instanceof UnreadableFileError || error instanceof ChunkReadError) throw error;
    if (source.errored instanceof ChunkReadError) throw source.errored;
    const message = error instanceof Error ? error.message : String(error);
    throw new UnreadableFileError(`the file is not a readable .xlsx workbook: ${message}`);
  } finally {
    source.destroy();
  }
}

/** The header row of a stored file (row 1), or an empty header for a file without rows. */
export async function readHeader(format: ImportFormat, source: Readable): Promise<readonly string[]> {
  const records = readRecords(format, source);
  try {
    const first = await records.next();
    return first.done === true ? [] : first.value.cells;
  } finally {
    await records.return(undefined);
  }
}
