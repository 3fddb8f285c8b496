import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { ImportRunner, XLSX_MEDIA_TYPE } from '@unblock/imports';
import { importsContext, multipart } from '../support/imports-context';
import { TestApi } from '../support/test-api';
import { smallPart, workbookParts, zipOf, type ZipPart } from '../support/zip-writer';

const MB = 1024 * 1024;
const TABLES = ['imports', 'import_chunks', 'import_errors', 'outbox'];

interface Answer {
  status: number;
  body: Record<string, unknown> & { id?: string; errors?: { field: string; message: string }[] };
}

/** Shared strings of `count` strings of `length` letters each, generated a megabyte at a time. */
function sharedStringsOf(count: number, length: number, declaredSize?: number): ZipPart {
  const one = `<si><t>${'a'.repeat(length)}</t></si>`;
  const perBlock = Math.max(1, Math.min(count, Math.floor(MB / one.length)));
  return {
    name: 'xl/sharedStrings.xml',
    pieces: function* () {
      yield Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      );
      const block = Buffer.from(one.repeat(perBlock));
      for (let i = 0; i < Math.floor(count / perBlock); i += 1) yield block;
      if (count % perBlock > 0) yield Buffer.from(one.repeat(count % perBlock));
      yield Buffer.from('</sst>');
    },
    ...(declaredSize === undefined ? {} : { declaredSize }),
  };
}

const HEADER_ROW = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';

/** An .xlsx of a few megabytes whose shared strings inflate to 1 GiB, made once, deflated as it is generated. */
let bombMade: Promise<Buffer> | undefined;
const zipBomb = (): Promise<Buffer> =>
  (bombMade ??= zipOf(workbookParts(HEADER_ROW, sharedStringsOf((1024 * MB) / 64, 64 - 16))));

describe('upload limits: size, quota, zip bombs and the worker’s caps on workbooks', () => {
  const clock = new ManualClock(new Date('2026-06-02T02:00:00Z'));
  let api: TestApi;
  let context: INestApplicationContext;
  let runner: ImportRunner;

  const upload = async (
    token: string,
    body: { payload: Buffer | string; headers: Record<string, string> },
  ): Promise<Answer> => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/imports/enterprises',
      headers: { authorization: `Bearer ${token}`, ...body.headers },
      payload: body.payload,
    });
    return { status: response.statusCode, body: JSON.parse(response.body) as Answer['body'] };
  };
  const xlsx = (payload: Buffer): { payload: Buffer; headers: Record<string, string> } => ({
    payload,
    headers: { 'content-type': XLSX_MEDIA_TYPE, 'x-filename': 'book.xlsx' },
  });
  const admin = async (): Promise<string> => (await api.userToken('admin')).token;
  const expectRefused = (answer: Answer, status: number, message: RegExp): void => {
    expect([answer.status, answer.body['status']]).toEqual([status, status]);
    expect(answer.body.errors?.map((e) => e.field)).toEqual(['file']);
    expect(answer.body.errors?.[0]?.message).toMatch(message);
  };
  /** Uploads a workbook the API takes, runs its import in the worker's runner, and answers GET /imports/:id. */
  const runWorkbook = async (parts: ZipPart[]): Promise<Record<string, unknown>> => {
    const token = await admin();
    const answer = await upload(token, xlsx(await zipOf(parts)));
    expect(answer.status).toBe(202);
    const id = String(answer.body.id);
    expect(await runner.run(id, 1)).toEqual({ done: expect.stringMatching(/failed/u) as string });
    const chunks = await api.dataSource.query<{ n: string }[]>(
      'SELECT count(*)::text AS n FROM import_chunks WHERE import_id = $1',
      [id],
    );
    expect(chunks[0]?.n).toBe('0'); // a file that cannot be read is not kept
    return (await api.request('GET', `/api/v1/imports/${id}`, { token })).body;
  };

  beforeAll(async () => {
    api = await TestApi.start(
      {
        UPLOAD_MAX_BYTES: String(4 * MB),
        UPLOAD_QUOTA_BYTES: String(6 * MB),
        XLSX_MAX_INFLATED_BYTES: String(8 * MB),
        XLSX_MAX_SHARED_STRINGS: '50',
        XLSX_MAX_SHARED_STRING_CHARS: '20000',
        XLSX_MAX_CELLS: '200',
      },
      { clock },
    );
    context = await importsContext(api, clock);
    runner = context.get(ImportRunner);
  });

  afterAll(async () => {
    await context.close();
    await api.stop();
  });

  it('refuses an upload over UPLOAD_MAX_BYTES while it streams (raw body and multipart): 413 naming file, nothing stored', async () => {
    const token = await admin();
    const big = `uscc,name,regionCode,size\n${'x,y,410100,small\n'.repeat(Math.ceil((4 * MB) / 17) + 10)}`;
    const before = await api.counts(TABLES);
    expectRefused(await upload(token, { payload: big, headers: { 'content-type': 'text/csv' } }), 413, /4 MB/u);
    expectRefused(await upload(token, multipart(big, 'big.csv')), 413, /4 MB/u);
    expect(await api.counts(TABLES)).toEqual(before);
    // Exactly the limit is taken.
    const exact = `uscc,name,regionCode,size\n`.padEnd(4 * MB - 1, ' ') + '\n';
    expect((await upload(token, { payload: exact, headers: { 'content-type': 'text/csv' } })).status).toBe(202);
  });

  it('refuses a zip bomb at upload from its central directory, never inflating it: 413 naming file, the memory flat', async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(4 * MB);
    const token = await admin();
    const before = await api.counts(TABLES);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = Date.now();
    let answer: Answer;
    try {
      answer = await upload(token, xlsx(bomb));
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const growth = peak - baseline;
    process.stdout.write(
      `zip bomb (${(bomb.length / MB).toFixed(2)} MB declaring 1024 MB of shared strings): refused in ` +
        `${Date.now() - started} ms; API process RSS peak ${(peak / MB).toFixed(1)} MB, ` +
        `baseline ${(baseline / MB).toFixed(1)} MB, growth ${(growth / MB).toFixed(1)} MB\n`,
    );
    expectRefused(answer, 413, /inflates to 1 ?GB|1024 MB|1 GB/u);
    expect(growth).toBeLessThan(300 * MB);
    expect(await api.counts(TABLES)).toEqual(before);
  }, 180_000);

  it('stops a zip bomb in the worker too, should one be stored (a file from before the check): its memory flat', async () => {
    const bomb = await zipBomb();
    const { userId } = await api.userToken('admin');
    const [created] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO imports (kind, status, format, filename, created_by_user_id, byte_size, chunk_count)
       VALUES ('enterprises', 'queued', 'xlsx', 'bomb.xlsx', $1, $2, $3) RETURNING id`,
      [userId, bomb.length, Math.ceil(bomb.length / MB)],
    );
    const id = String(created?.id);
    for (let seq = 0; seq * MB < bomb.length; seq += 1) {
      await api.dataSource.query('INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)', [
        id,
        seq,
        bomb.subarray(seq * MB, (seq + 1) * MB),
      ]);
    }
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    try {
      expect(await runner.run(id, 1)).toEqual({ done: expect.stringMatching(/failed/u) as string });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    process.stdout.write(
      `zip bomb in the worker: import failed; worker RSS peak ${(peak / MB).toFixed(1)} MB, growth ` +
        `${((peak - baseline) / MB).toFixed(1)} MB\n`,
    );
    expect(peak - baseline).toBeLessThan(300 * MB);
    const [row] = await api.dataSource.query<{ status: string; failure_reason: string }[]>(
      'SELECT status, failure_reason FROM imports WHERE id = $1',
      [id],
    );
    expect(row).toEqual({
      status: 'failed',
      failure_reason: 'the workbook has more than 50 shared strings (XLSX_MAX_SHARED_STRINGS)',
    });
  }, 180_000);

  it('refuses a part compressed past XLSX_MAX_COMPRESSION_RATIO: 422 naming file', async () => {
    const token = await admin();
    const dense = await zipOf(workbookParts(HEADER_ROW, sharedStringsOf((6 * MB) / 64, 64 - 16)));
    expectRefused(await upload(token, xlsx(dense)), 422, /xl\/sharedStrings\.xml inflates \d+ times/u);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    expectRefused(await upload(token, xlsx(broken)), 400, /not a readable \.xlsx workbook/u);
    const noSheet = await zipOf([smallPart('xl/workbook.xml', '<workbook/>')]);
    expectRefused(await upload(token, xlsx(noSheet)), 400, /no worksheet/u);
  });

  it('counts the real inflated bytes in the worker: a part that declares less than it holds fails the import', async () => {
    const lying = sharedStringsOf(20_000, 1000, 10 * 1024); // 20 MB that say 10 KB
    const done = await runWorkbook(workbookParts(HEADER_ROW, lying));
    expect(done).toMatchObject({ status: 'failed', rowsRead: 0 });
    expect(done['failureReason']).toMatch(/too many bytes|inflates/u);
  });

  it.each([
    ['shared strings', sharedStringsOf(60, 5), /more than 50 shared strings \(XLSX_MAX_SHARED_STRINGS\)/u],
    ['characters', sharedStringsOf(30, 1000), /more than 20000 characters \(XLSX_MAX_SHARED_STRING_CHARS\)/u],
  ])('fails an import over the cap on %s, with the reason on GET /imports/:id', async (_what, strings, reason) => {
    const done = await runWorkbook(workbookParts(HEADER_ROW, strings));
    expect(done).toMatchObject({ status: 'failed', rowsRead: 0 });
    expect(done['failureReason']).toMatch(reason);
  });

  it('fails an import over the cap on cells', async () => {
    const header = `<row r="1">${['uscc', 'name', 'regionCode', 'size']
      .map((name, i) => `<c r="${'ABCD'[i]}1" t="inlineStr"><is><t>${name}</t></is></c>`)
      .join('')}</row>`;
    const rows = Array.from(
      { length: 60 },
      (_, i) =>
        `<row r="${i + 2}">${['A', 'B', 'C', 'D'].map((col) => `<c r="${col}${i + 2}"><v>${i}</v></c>`).join('')}</row>`,
    );
    const done = await runWorkbook(workbookParts(header + rows.join(''), sharedStringsOf(1, 4)));
    expect(done).toMatchObject({ status: 'failed' });
    expect(done['failureReason']).toMatch(/more than 200 cells \(XLSX_MAX_CELLS\)/u);
  });

  it('keeps each user to UPLOAD_QUOTA_BYTES of stored uploads; a completed import frees its bytes', async () => {
    const token = await admin();
    const csv = (bytes: number): string => {
      const row = `x,${'名'.repeat(1000)},410100,small\n`;
      const header = 'uscc,name,regionCode,size';
      const lines = [header];
      let size = header.length + 1;
      while (size < bytes) {
        lines.push(row.trimEnd());
        size += Buffer.byteLength(row);
      }
      return `${lines.join('\n')}\n`;
    };
    const first = await upload(token, { payload: csv(3.5 * MB), headers: { 'content-type': 'text/csv' } });
    expect(first.status).toBe(202);
    const before = await api.counts(TABLES);
    const second = csv(3 * MB);
    expectRefused(
      await upload(token, { payload: second, headers: { 'content-type': 'text/csv' } }),
      413,
      /quota of 6 MB/u,
    );
    expect(await api.counts(TABLES)).toEqual(before);
    // Another user has a quota of their own.
    expect((await upload(await admin(), { payload: second, headers: { 'content-type': 'text/csv' } })).status).toBe(
      202,
    );
    // Once the first import completes, its stored bytes are dropped and no longer count.
    expect(await runner.run(String(first.body.id), 1)).toEqual({ done: expect.any(String) as string });
    expect((await upload(token, { payload: second, headers: { 'content-type': 'text/csv' } })).status).toBe(202);
  });
});
