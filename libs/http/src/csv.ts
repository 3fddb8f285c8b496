import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Workbook } from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { create as contentDisposition } from 'content-disposition';
import { Observable, concatMap } from 'rxjs';
import type { Actor, Language } from '@unblock/domain';
import { CsvNames } from './csv-names';
import type { AuthenticatedRequest } from './decorators';
import { exportLanguage, shanghaiToday } from './csv-format';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CSV_EXPORT = 'unblock:csv';

export interface CsvTable {
  /** What the file holds, for people: "需求清单-2026-12-07", "cases-2026-12-07" (the extension is added). */
  readonly filename: string;
  /** One object per row; its keys are the column headers people read, in order. */
  readonly rows: readonly object[];
}

/**
 * What a table is built from besides the JSON answer: the request's query, names by id, today in Shanghai,
 * and the reader's language (`Accept-Language`), which its headers, words and file name speak.
 */
export interface CsvContext {
  readonly query: Readonly<Record<string, unknown>>;
  readonly language: Language;
  readonly actor: Actor | undefined;
  readonly names: CsvNames;
  readonly today: string;
}

export type CsvTableBuilder = (body: unknown, context: CsvContext) => CsvTable | Promise<CsvTable>;

/** Marks a GET that also answers `Accept: text/csv` and an `.xlsx` Accept, turning its JSON answer into rows. */
export const CsvExport = (toTable: CsvTableBuilder): MethodDecorator => SetMetadata(CSV_EXPORT, toTable);

/** Flattens nested objects into `parent.child` columns; arrays become `a; b` text. */
export function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(item)) {
      out[name] = item
        .map((x: unknown) =>
          x !== null && typeof x === 'object' ? Object.values(x as Record<string, unknown>).join(':') : String(x),
        )
        .join('; ');
    } else if (item !== null && typeof item === 'object')
      Object.assign(out, flatten(item as Record<string, unknown>, name));
    else out[name] = item;
  }
  return out;
}

/** The first characters that make a spreadsheet read a text cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * One CSV cell. Text that begins like a formula is prefixed with `'`, whatever follows, so a spreadsheet shows
 * it as text; numbers, booleans and bigints the system produced are written as they are (a negative count
 * stays a number). Decimal text (money) is text: were it ever negative, it would be prefixed too.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else {
    text = typeof value === 'string' ? value : JSON.stringify(value);
    if (FORMULA_START.test(text)) text = `'${text}`;
  }
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** RFC 4180 text with a UTF-8 byte-order mark (so spreadsheet programs read Chinese right). */
export function toCsv(rows: readonly object[]): string {
  const flat = rows.map((r) => flatten(r as Record<string, unknown>));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  const lines = [columns.map(csvCell).join(','), ...flat.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One worksheet of the same columns as the CSV; money stays exact decimal text. */
export async function toXlsx(rows: readonly object[], sheet: string): Promise<Buffer> {
  const flat = rows.map((r) => flatten(r as Record<string, unknown>));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  const workbook = new Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  worksheet.addRow(columns);
  for (const row of flat) {
    worksheet.addRow(
      columns.map((c) => {
        const value = row[c];
        return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
          ? value
          : value == null
            ? null
            : JSON.stringify(value);
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers `Accept: text/csv` and the `.xlsx` type on the routes marked `@CsvExport`. */
@Injectable()
export class CsvInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly names: CsvNames,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const toTable = this.reflector.get<CsvTableBuilder | undefined>(CSV_EXPORT, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const accept = request.headers.accept ?? '';
    const xlsx = accept.includes(XLSX_TYPE);
    if (!toTable || (!xlsx && !/\btext\/csv\b/u.test(accept))) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        const table = await toTable(body, {
          query: (request.query ?? {}) as Record<string, unknown>,
          language: exportLanguage(request.headers['accept-language']),
          actor: (request as AuthenticatedRequest).actor,
          names: this.names,
          today: shanghaiToday(),
        });
        const extension = xlsx ? 'xlsx' : 'csv';
        // RFC 6266: an ASCII `filename` for old clients, the UTF-8 name as RFC 5987's `filename*`.
        // The same URL answers per Accept and per Accept-Language: a cache keeps each apart.
        void reply
          .header('content-type', xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8')
          .header('vary', 'Accept, Accept-Language')
          .header('content-disposition', contentDisposition(`${table.filename}.${extension}`));
        return xlsx ? toXlsx(table.rows, table.filename.slice(0, 31)) : toCsv(table.rows);
      }),
    );
  }
}
