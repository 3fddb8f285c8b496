import type { XlsxLimits } from '@unblock/config';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Entry, ZipFile } from 'yauzl';
import type { FileRecord } from './file-record';
import { InflateBudget, WorkbookLimitError, openEntry, zipEntries } from './workbook-archive';

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, and the Chinese ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format shows a date when, outside quotes and brackets, it has a date or time letter. */
function isDateFormat(code: string): boolean {
  return /[ymdhs]/iu.test(code.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
}

/** `x:row` and `row` are the same element (strict OOXML writes prefixes). */
function local(tag: { name: string }): string {
  const colon = tag.name.indexOf(':');
  return colon === -1 ? tag.name : tag.name.slice(colon + 1);
}

type XmlEvent = { open: SaxesTagPlain } | { close: string } | { text: string };

/** An XML part's events, parsed as its inflated bytes arrive (a batch per piece of input). */
async function* xmlEvents(source: Readable): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser();
  let batch: XmlEvent[] = [];
  parser.on('opentag', (tag) => batch.push({ open: tag }));
  parser.on('closetag', (tag) => batch.push({ close: local(tag) }));
  parser.on('text', (text) => batch.push({ text }));
  const decoder = new StringDecoder('utf8');
  try {
    for await (const piece of source as AsyncIterable<Buffer>) {
      parser.write(decoder.write(piece));
      if (batch.length > 0) yield batch;
      batch = [];
    }
    parser.write(decoder.end());
    parser.close();
    if (batch.length > 0) yield batch;
  } finally {
    source.destroy();
  }
}

/** Where the workbook's first sheet is, and whether its dates count from 1904. */
async function firstSheet(part: (name: string) => Promise<Readable | undefined>): Promise<{
  path: string;
  date1904: boolean;
}> {
  let relationId: string | undefined;
  let date1904 = false;
  const workbook = await part('xl/workbook.xml');
  if (workbook === undefined)
    throw new WorkbookLimitError('the file is not an .xlsx workbook: xl/workbook.xml is missing');
  for await (const batch of xmlEvents(workbook)) {
    for (const event of batch) {
      if (!('open' in event)) continue;
      const name = local(event.open);
      const attributes = event.open.attributes;
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes['date1904'] ?? '');
      if (name === 'sheet' && relationId === undefined) relationId = attributes['r:id'] ?? attributes['id'];
    }
  }
  let target: string | undefined;
  const relations = await part('xl/_rels/workbook.xml.rels');
  if (relations !== undefined) {
    for await (const batch of xmlEvents(relations)) {
      for (const event of batch) {
        if ('open' in event && local(event.open) === 'Relationship' && event.open.attributes['Id'] === relationId) {
          target = event.open.attributes['Target'];
        }
      }
    }
  }
  if (target === undefined) return { path: 'xl/worksheets/sheet1.xml', date1904 };
  return { path: target.startsWith('/') ? target.slice(1) : `xl/${target}`, date1904 };
}

/** For each cell style (`s`), whether it shows a date. */
async function dateStyles(styles: Readable | undefined): Promise<boolean[]> {
  if (styles === undefined) return [];
  const customDates = new Map<number, boolean>();
  const result: boolean[] = [];
  let inCellXfs = false;
  for await (const batch of xmlEvents(styles)) {
    for (const event of batch) {
      if ('close' in event && event.close === 'cellXfs') inCellXfs = false;
      if (!('open' in event)) continue;
      const name = local(event.open);
      const attributes = event.open.attributes;
      if (name === 'numFmt') {
        customDates.set(Number(attributes['numFmtId']), isDateFormat(attributes['formatCode'] ?? ''));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes['numFmtId'] ?? 0);
        result.push(customDates.get(id) ?? DATE_FORMAT_IDS.has(id));
      }
    }
  }
  return result;
}

/** The shared strings, within the limits on their count and characters. */
async function sharedStrings(source: Readable | undefined, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  if (source === undefined) return strings;
  let chars = 0;
  let current = '';
  let inText = false;
  let inPhonetic = false;
  for await (const batch of xmlEvents(source)) {
    for (const event of batch) {
      if ('open' in event) {
        const name = local(event.open);
        if (name === 'si') current = '';
        else if (name === 't') inText = !event.open.isSelfClosing;
        else if (name === 'rPh') inPhonetic = true;
      } else if ('close' in event) {
        if (event.close === 't') inText = false;
        else if (event.close === 'rPh') inPhonetic = false;
        else if (event.close === 'si') {
          strings.push(current);
          current = '';
          if (strings.length > limits.maxSharedStrings) {
            throw new WorkbookLimitError(
              `the workbook has more than ${limits.maxSharedStrings} shared strings (XLSX_MAX_SHARED_STRINGS)`,
            );
          }
        }
      } else if (inText && !inPhonetic) {
        chars += event.text.length;
        if (chars > limits.maxSharedStringChars) {
          throw new WorkbookLimitError(
            `the workbook's shared strings hold more than ${limits.maxSharedStringChars} characters (XLSX_MAX_SHARED_STRING_CHARS)`,
          );
        }
        current += event.text;
      }
    }
  }
  return strings;
}

/** The last column of a worksheet (XFD), and the most text a cell may hold (Excel's own limit is 32,767 characters). */
const MAX_COLUMN = 16_384;
const MAX_CELL_CHARS = 1024 * 1024;

/** `AB12` → 28 (columns count from 1). */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** A serial day number as a calendar date (`2026-05-10`), as exceljs reads it. */
function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

interface Cell {
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
}

/**
 * The rows of the first worksheet of an .xlsx workbook, streamed from its archive with every limit enforced
 * while it inflates: inflated bytes, shared strings (count and characters), cells. Blank rows are skipped.
 */
export async function* xlsxRecords(zip: ZipFile, limits: XlsxLimits): AsyncGenerator<FileRecord> {
  const entries = await zipEntries(zip);
  const budget = new InflateBudget(limits.maxInflatedBytes);
  const part = async (name: string): Promise<Readable | undefined> => {
    const entry: Entry | undefined = entries.get(name);
    return entry === undefined ? undefined : openEntry(zip, entry, budget);
  };
  const sheet = await firstSheet(part);
  const dates = await dateStyles(await part('xl/styles.xml'));
  const strings = await sharedStrings(await part('xl/sharedStrings.xml'), limits);
  const source = await part(sheet.path);
  if (source === undefined) throw new WorkbookLimitError(`the workbook has no worksheet ${sheet.path}`);
  let cells = 0;
  let rowNumber = 0;
  let row: string[] = [];
  let cell: Cell | undefined;
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  const text = (c: Cell): string => {
    switch (c.type) {
      case 's':
        return strings[Number(c.value)] ?? '';
      case 'inlineStr':
        return c.inline;
      case 'str':
        return c.value;
      case 'b':
        return c.value === '1' || c.value === 'true' ? 'true' : 'false';
      case 'e':
        return '';
      case 'd':
        return c.value.slice(0, 10);
      default: {
        if (c.value.trim() === '') return '';
        const number = Number(c.value);
        if (Number.isNaN(number)) return c.value;
        return dates[c.style] === true ? serialDate(number, sheet.date1904) : String(number);
      }
    }
  };
  for await (const batch of xmlEvents(source)) {
    const records: FileRecord[] = [];
    for (const event of batch) {
      if ('open' in event) {
        const attributes = event.open.attributes;
        switch (local(event.open)) {
          case 'row':
            rowNumber = attributes['r'] !== undefined ? Number(attributes['r']) : rowNumber + 1;
            row = [];
            break;
          case 'c':
            cell = {
              column: Math.min(
                attributes['r'] !== undefined ? columnOf(attributes['r']) : row.length + 1,
                MAX_COLUMN + 1,
              ),
              type: attributes['t'] ?? 'n',
              style: Number(attributes['s'] ?? 0),
              value: '',
              inline: '',
            };
            break;
          case 'v':
            inValue = true;
            break;
          case 'is':
            inInline = true;
            break;
          case 'rPh':
            inPhonetic = true;
            break;
        }
      } else if ('close' in event) {
        switch (event.close) {
          case 'v':
            inValue = false;
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            inPhonetic = false;
            break;
          case 'c':
            if (cell !== undefined && cell.column > 0) {
              if (cell.column > MAX_COLUMN) {
                throw new WorkbookLimitError(`row ${rowNumber} has a cell past the last column (XFD)`);
              }
              cells += 1;
              if (cells > limits.maxCells) {
                throw new WorkbookLimitError(`the worksheet has more than ${limits.maxCells} cells (XLSX_MAX_CELLS)`);
              }
              while (row.length < cell.column - 1) row.push('');
              row[cell.column - 1] = text(cell).trim();
            }
            cell = undefined;
            break;
          case 'row':
            if (row.some((value) => value !== '')) records.push({ row: rowNumber, cells: row });
            row = [];
            break;
        }
      } else if (cell !== undefined) {
        if (inValue) cell.value += event.text;
        else if (inInline && !inPhonetic) cell.inline += event.text;
        if (cell.value.length + cell.inline.length > MAX_CELL_CHARS) {
          throw new WorkbookLimitError(`row ${rowNumber} has a cell of more than ${MAX_CELL_CHARS} characters`);
        }
      }
    }
    yield* records;
  }
}
