import type { ManualClock } from '@unblock/domain';
import { ImportRunner } from '@unblock/imports';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { World } from '../support/fixtures';
import { importsContext } from '../support/imports-context';
import type { TestApi } from '../support/test-api';
import { compare, type Comparison, type Sample } from './harness';

const KINDS = ['policy_promotion', 'on_site_diagnosis', 'gm_visit', 'follow_up'];

export async function writeLines(
  path: string,
  lines: (i: number) => string,
  count: number,
  header?: string,
): Promise<void> {
  const out = createWriteStream(path);
  if (header !== undefined) out.write(`${header}\n`);
  for (let i = 0; i < count; i += 1) {
    if (!out.write(lines(i))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
}

export function psqlCopy(url: string, table: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy ${table} FROM '${file}' CSV`]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${stderr}`))));
  });
}

/**
 * A visits CSV of `rows` rows imported end to end (the upload through HTTP, then the import job's run) beside
 * `psql \copy` of the same rows, already resolved to the table's columns, into the same table.
 */
export async function importBenchmark(
  api: TestApi,
  base: string,
  clock: ManualClock,
  world: World,
  officer: { token: string; userId: string; organizationId: string },
  rows: number,
  rounds: number,
): Promise<Comparison> {
  const dir = mkdtempSync(join(tmpdir(), 'unblock-import-bench-'));
  const context = await importsContext(api, clock);
  try {
    const runner = context.get(ImportRunner);
    const [enterprise] = await api.dataSource.query<{ id: string; uscc: string; region_code: string }[]>(
      'SELECT id, uscc, region_code FROM enterprises WHERE id = $1',
      [world.henanEnterpriseId],
    );
    if (!enterprise) throw new Error('no enterprise');
    const campaign = world.provinceCampaignId;
    const day = (i: number): string => `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`;
    const files: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const importFile = join(dir, `import-${round}.csv`);
      const copyFile = join(dir, `copy-${round}.csv`);
      await writeLines(
        importFile,
        (i) => `${enterprise.uscc},${campaign},${day(i)},${KINDS[i % 4]},回访 ${i},i${round}-${i}\n`,
        rows,
        'enterpriseUscc,campaignId,visitedOn,kind,summary,clientRef',
      );
      await writeLines(
        copyFile,
        (i) =>
          `${campaign},${enterprise.id},${enterprise.region_code},${day(i)},${KINDS[i % 4]},${officer.userId},${officer.organizationId},回访 ${i},c${round}-${i}\n`,
        rows,
      );
      files.push(importFile, copyFile);
    }
    const subject = async (round: number): Promise<Sample> => {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/imports/visits`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'text/csv', 'x-filename': 'visits.csv' },
        // A Node stream is a body undici streams (duplex: 'half'); the DOM typing of fetch does not say so.
        body: createReadStream(join(dir, `import-${round}.csv`)) as unknown as ReadableStream<Uint8Array>,
        duplex: 'half',
      });
      const body = (await response.json()) as { id: string };
      if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${JSON.stringify(body)}`);
      await runner.run(body.id, 1);
      const seconds = (performance.now() - started) / 1000;
      const [done] = await api.dataSource.query<{ status: string; rows_accepted: number }[]>(
        'SELECT status, rows_accepted FROM imports WHERE id = $1',
        [body.id],
      );
      if (done?.status !== 'completed' || done.rows_accepted !== rows) {
        throw new Error(`import ended ${JSON.stringify(done)}`);
      }
      return { rate: rows / seconds };
    };
    const baseline = async (round: number): Promise<Sample> => {
      const started = performance.now();
      await psqlCopy(
        api.database.url,
        'visits (campaign_id, enterprise_id, region_code, visited_on, kind, visitor_user_id, visitor_organization_id, summary, client_ref)',
        join(dir, `copy-${round}.csv`),
      );
      return { rate: rows / ((performance.now() - started) / 1000) };
    };
    return await compare(
      {
        scenario: `import ${rows} visit rows`,
        subject: 'POST /imports/visits + import job (CSV, batches of 10,000)',
        baseline: 'psql \\copy of the same rows',
        target: '≥ 0.70',
      },
      rounds,
      subject,
      baseline,
      undefined,
      // The baseline is a psql process, whose backend exits with it.
      { cores: false },
    );
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
