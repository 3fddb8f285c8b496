import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** CSV field: quoted when it must be. */
function csv(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // In COPY's CSV an unquoted empty field is NULL; an empty string must be quoted.
  if (text === '') return '""';
  return /[",\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Streams the rows into the table with COPY … FROM STDIN (CSV, 5,000 rows a chunk); answers how many. */
export async function copyRows(
  client: Client,
  table: string,
  columns: string[],
  rows: () => Generator<(string | number | null)[]>,
): Promise<number> {
  let count = 0;
  const source = Readable.from(
    (function* lines() {
      let chunk: string[] = [];
      for (const row of rows()) {
        chunk.push(row.map(csv).join(','));
        count += 1;
        if (chunk.length === 5000) {
          yield `${chunk.join('\n')}\n`;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
    })(),
  );
  await pipeline(source, client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)));
  return count;
}
