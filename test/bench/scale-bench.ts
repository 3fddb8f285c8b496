import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { ImportRunner } from '@unblock/imports';
import { ReportRollups } from '@unblock/reports';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCampaign } from '../../apps/cli/src/campaign-generator';
import { importsContext } from '../support/imports-context';
import { TestApi } from '../support/test-api';
import { median, percentile, timed } from './harness';
import { psqlCopy, writeLines } from './import-bench';
import { visitQueryPlans, type VisitPlan } from './visit-query-plans';

/** The sizes the scale bench measures at, in visits; `--scale-max N` stops after the last one ≤ N. */
export const SCALE_SIZES = [1_000_000, 3_000_000, 9_430_000, 30_000_000] as const;
/** Visits imported through the API at each size (they count toward it). */
const IMPORT_ROWS = 200_000;
const importRows = (size: number): number => Math.min(IMPORT_ROWS, Math.floor(size / 5));
/** Enterprises each generated campaign adds: a province's, in 16 cities and 128 counties. */
const ENTERPRISES = 20_000;
const KINDS = ['policy_promotion', 'on_site_diagnosis', 'gm_visit', 'follow_up'];
const VISIT_COLUMNS =
  'campaign_id, enterprise_id, region_code, visited_on, kind, visitor_user_id, visitor_organization_id, summary, client_ref';

export interface ScalePoint {
  readonly visits: number;
  /** Rows per second through POST /imports/visits and the import job, and `\copy` into a bare table. */
  readonly importRate: number;
  readonly bareCopyRate: number;
  /** p95 in ms of each dashboard request and of a bank's first page of its queue. */
  readonly p95: Record<string, number>;
  /** Median ms of a claim over HTTP. */
  readonly transitionMs: number;
  /**
   * Seconds to recompute one stale day of the first campaign's rollups: the same work at every size, so what
   * it measures is the table's growth.
   */
  readonly refreshDaySeconds: number;
  /** Seconds to recompute one stale day of the newest campaign, whose days grow with each step, and its visits. */
  readonly refreshNewestDaySeconds: number;
  readonly newestDayVisits: number;
  /** Bytes on disk per visit: visits' partitions with their indexes, and a bare copy of a 1% sample of them. */
  readonly bytesPerVisit: number;
  readonly bareBytesPerVisit: number;
  /** Bytes per visit of the heap and of each index. */
  readonly byPart: Record<string, number>;
  /** The product's queries on visits: their plans and times. */
  readonly plans: VisitPlan[];
}

const day = (i: number): string => new Date(Date.UTC(2026, 0, 1) + (i % 181) * 86_400_000).toISOString().slice(0, 10);

/**
 * `npm run bench -- --scale [--scale-max N]`: grows one database to each size in turn (a generated
 * province-shaped campaign per step, with cases and contracts in proportion, plus IMPORT_ROWS visits through
 * the API spread over the newest campaign's enterprises and days), and measures at each size.
 */
export async function scaleBenchmark(max: number, log: (line: string) => void): Promise<ScalePoint[]> {
  const clock = new ManualClock(new Date('2026-07-01T02:00:00Z'));
  const api = await TestApi.start(
    { DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'silent', UPLOAD_MAX_BYTES: String(512 * 1024 * 1024) },
    { clock },
  );
  const context = await importsContext(api, clock);
  const dir = mkdtempSync(join(tmpdir(), 'unblock-scale-bench-'));
  try {
    await api.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    const points: ScalePoint[] = [];
    let have = 0;
    let firstCampaignId: string | undefined;
    // Below the first size, one smaller size alone: a quick check of the bench itself.
    const sizes = max < SCALE_SIZES[0] ? [max] : SCALE_SIZES.filter((size) => size <= max);
    for (const [step, size] of sizes.entries()) {
      const generatedVisits = size - have - importRows(size);
      log(`${size}: generating ${generatedVisits} visits, ${ENTERPRISES} enterprises`);
      const generated = await generateCampaign(api.database.url, {
        visits: generatedVisits,
        enterprises: ENTERPRISES,
        cases: Math.round(generatedVisits / 9.43),
        seed: 9_430_001 + step,
      });
      const rebuildMs = await timed(() => api.app.get(ReportRollups).rebuild(generated.campaignId));
      log(`${size}: generated in ${generated.seconds} s, rollups rebuilt in ${(rebuildMs / 1000).toFixed(1)} s`);
      firstCampaignId ??= generated.campaignId;
      const campaigns = { newest: generated.campaignId, first: firstCampaignId };
      const point = await measure(api, context, base, dir, campaigns, size, importRows(size), log);
      points.push(point);
      log(`${size}: ${JSON.stringify({ ...point, plans: point.plans.map((p) => [p.name, p.ms]) })}`);
      have = size;
    }
    return points;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await context.close();
    await api.stop();
  }
}

async function measure(
  api: TestApi,
  context: INestApplicationContext,
  base: string,
  dir: string,
  campaigns: { newest: string; first: string },
  size: number,
  rows: number,
  log: (line: string) => void,
): Promise<ScalePoint> {
  const db = api.dataSource;
  const campaignId = campaigns.newest;
  const [regulator] = await db.query<{ id: string }[]>(
    `SELECT id FROM organizations WHERE kind = 'regulator' AND region_code = '370000' ORDER BY created_at DESC LIMIT 1`,
  );
  const officer = await api.userToken('field_officer', { organizationId: regulator?.id ?? null, regionCode: '370000' });
  const supervisor = await api.userToken('supervisor', { organizationId: regulator?.id ?? null, regionCode: '370000' });
  const enterprises = await db.query<{ id: string; uscc: string; region_code: string }[]>(
    `SELECT e.id, e.uscc, e.region_code FROM enterprises e
      WHERE e.id IN (SELECT DISTINCT enterprise_id FROM cases WHERE campaign_id = $1)`,
    [campaignId],
  );

  // Import through the API beside \copy of the same rows, resolved, into a bare copy of the table.
  const importFile = join(dir, `import-${size}.csv`);
  const copyFile = join(dir, `copy-${size}.csv`);
  const pick = (i: number): { id: string; uscc: string; region_code: string } =>
    enterprises[(i * 7919) % enterprises.length] ?? { id: '', uscc: '', region_code: '' };
  await writeLines(
    importFile,
    (i) => `${pick(i).uscc},${campaignId},${day(i * 31)},${KINDS[i % 4]},回访 ${i},s${size}-${i}\n`,
    rows,
    'enterpriseUscc,campaignId,visitedOn,kind,summary,clientRef',
  );
  await writeLines(
    copyFile,
    (i) =>
      `${campaignId},${pick(i).id},${pick(i).region_code},${day(i * 31)},${KINDS[i % 4]},${officer.userId},${regulator?.id ?? ''},回访 ${i},b${size}-${i}\n`,
    rows,
  );
  const importMs = await timed(async () => {
    const response = await fetch(`${base}/api/v1/imports/visits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'text/csv', 'x-filename': 'visits.csv' },
      body: createReadStream(importFile) as unknown as ReadableStream<Uint8Array>,
      duplex: 'half',
    });
    const body = (await response.json()) as { id: string };
    if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${JSON.stringify(body)}`);
    await context.get(ImportRunner).run(body.id, 1);
    const [done] = await db.query<{ rows_accepted: number }[]>('SELECT rows_accepted FROM imports WHERE id = $1', [
      body.id,
    ]);
    if (done?.rows_accepted !== rows) throw new Error(`import accepted ${JSON.stringify(done)}`);
  });
  await db.query(`DROP TABLE IF EXISTS visits_bare`);
  await db.query(`CREATE TABLE visits_bare AS SELECT * FROM visits WITH NO DATA`);
  const bareMs = await timed(() => psqlCopy(api.database.url, `visits_bare (${VISIT_COLUMNS})`, copyFile));
  log(
    `${size}: import ${Math.round(rows / (importMs / 1000))} rows/s, bare \\copy ${Math.round(rows / (bareMs / 1000))} rows/s`,
  );
  // The imported days are recomputed now, as the worker would, so each figure below starts from fresh rollups.
  await api.app.get(ReportRollups).refresh();
  await db.query('VACUUM (ANALYZE) visits');
  // The bare row of the visits as they are (most generated, with no summary): 1% of the table's pages, copied.
  await db.query(`DROP TABLE visits_bare`);
  await db.query(`CREATE TABLE visits_bare AS SELECT * FROM visits TABLESAMPLE SYSTEM (1)`);
  await db.query('VACUUM (ANALYZE) visits_bare');
  const [bytes] = await db.query<{ visits: string; bytes: string; bare: string }[]>(
    `SELECT (SELECT count(*) FROM visits)::text AS visits,
            (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'visits'::regclass)::text AS bytes,
            (pg_total_relation_size('visits_bare')::float8 / greatest(1, (SELECT count(*) FROM visits_bare)))::text AS bare`,
  );
  await db.query(`DROP TABLE visits_bare`);
  const parts = await db.query<{ part: string; bytes: string }[]>(
    `SELECT 'heap' AS part, sum(pg_relation_size(inhrelid))::text AS bytes FROM pg_inherits WHERE inhparent = 'visits'::regclass
     UNION ALL
     SELECT p.relname, sum(pg_relation_size(c.inhrelid))::text FROM pg_index x JOIN pg_class p ON p.oid = x.indexrelid
       JOIN pg_inherits c ON c.inhparent = p.oid WHERE x.indrelid = 'visits'::regclass GROUP BY p.relname`,
  );
  const byPart = Object.fromEntries(
    parts.map((r) => [r.part, Math.round(Number(r.bytes) / Number(bytes?.visits ?? 1))]),
  );
  log(`${size}: bytes per visit by part ${JSON.stringify(byPart)}`);

  // The dashboards and a bank's queue, p95 over HTTP.
  const [bank] = await db.query<{ id: string }[]>(
    `SELECT assigned_bank_id AS id FROM cases WHERE campaign_id = $1 AND status = 'assigned' LIMIT 1`,
    [campaignId],
  );
  const manager = await api.userToken('bank_manager', { organizationId: bank?.id ?? null, regionCode: '370000' });
  const query = `campaignId=${campaignId}`;
  const endpoints: [string, string, string][] = [
    ['summary', `/api/v1/reports/summary?${query}`, supervisor.token],
    ['chains', `/api/v1/reports/chains?${query}`, supervisor.token],
    ['summary, one month', `/api/v1/reports/summary?${query}&from=2026-03-01&to=2026-03-31`, supervisor.token],
    ['summary, a city', `/api/v1/reports/summary?${query}&regionCode=370100`, supervisor.token],
    ["bank's summary", `/api/v1/reports/summary?${query}`, manager.token],
    ["bank's queue", '/api/v1/cases?limit=50', manager.token],
  ];
  const get = async (path: string, token: string): Promise<void> => {
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  const p95: Record<string, number> = {};
  for (const [name, path, token] of endpoints) {
    await get(path, token);
    const latencies: number[] = [];
    for (let i = 0; i < 60; i += 1) latencies.push(await timed(() => get(path, token)));
    p95[name] = Math.round(percentile(latencies, 95) * 10) / 10;
  }

  // A transition: claims of the bank's assigned cases, one at a time.
  const assigned = await db.query<{ id: string }[]>(
    `SELECT id FROM cases WHERE campaign_id = $1 AND status = 'assigned' AND assigned_bank_id = $2 LIMIT 40`,
    [campaignId, bank?.id],
  );
  const claims: number[] = [];
  for (const c of assigned) {
    claims.push(
      await timed(async () => {
        const r = await fetch(`${base}/api/v1/cases/${c.id}/claim`, {
          method: 'POST',
          headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`claim answered ${r.status}`);
      }),
    );
  }

  // One stale day's rollups, recomputed: the same day of the first campaign at every size, and that day of the
  // newest campaign (a bigger day at each step).
  const refreshDay = async (id: string): Promise<number> => {
    await api.app.get(ReportRollups).refresh();
    await db.query(`INSERT INTO report_dirty_days (campaign_id, day) VALUES ($1, '2026-03-15')`, [id]);
    return timed(() => api.app.get(ReportRollups).refresh());
  };
  const refreshMs = await refreshDay(campaigns.first);
  const refreshNewestMs = await refreshDay(campaignId);
  const [dayVisits] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM visits WHERE campaign_id = $1 AND visited_on = '2026-03-15'`,
    [campaignId],
  );

  const plans = await visitQueryPlans(db, campaignId);
  return {
    plans,
    byPart,
    visits: Number(bytes?.visits ?? 0),
    importRate: Math.round(rows / (importMs / 1000)),
    bareCopyRate: Math.round(rows / (bareMs / 1000)),
    p95,
    transitionMs: Math.round(median(claims) * 10) / 10,
    refreshDaySeconds: Math.round(refreshMs) / 1000,
    refreshNewestDaySeconds: Math.round(refreshNewestMs) / 1000,
    newestDayVisits: dayVisits?.n ?? 0,
    bytesPerVisit: Math.round(Number(bytes?.bytes ?? 0) / Number(bytes?.visits ?? 1)),
    bareBytesPerVisit: Math.round(Number(bytes?.bare ?? 0)),
  };
}

/** The newest campaign's day refresh, in ms per 1,000 of the day's visits. */
const perThousand = (p: ScalePoint): number =>
  Math.round((p.refreshNewestDaySeconds * 1e8) / Math.max(1, p.newestDayVisits)) / 100;

/** The points as a table: each figure at each size, and its ratio to its value at the first size. */
export function scaleTable(points: readonly ScalePoint[], machine: string): string {
  const first = points[0];
  if (first === undefined) return 'no sizes measured';
  const ratio = (value: number, at1: number): string => `${value} (${(value / at1).toFixed(2)}×)`;
  const rows: [string, string, (p: ScalePoint) => string][] = [
    ['import rows/s through the API', '≥ 0.8', (p) => ratio(p.importRate, first.importRate)],
    ['import ÷ bare \\copy (same run)', '≥ 0.20', (p) => (p.importRate / p.bareCopyRate).toFixed(3)],
    ...Object.keys(first.p95).map((name): [string, string, (p: ScalePoint) => string] => [
      `p95 ms: ${name}`,
      '≤ 1.5×',
      (p) => ratio(p.p95[name] ?? 0, first.p95[name] ?? 1),
    ]),
    ['claim, median ms', '≤ 1.2×', (p) => ratio(p.transitionMs, first.transitionMs)],
    [
      "refresh of one stale day's rollups (the first campaign's), s",
      '≤ 1.5×',
      (p) => ratio(p.refreshDaySeconds, first.refreshDaySeconds),
    ],
    ["  the newest campaign's day: s (its visits)", '', (p) => `${p.refreshNewestDaySeconds} (${p.newestDayVisits})`],
    ['  … ms per 1,000 of its visits', '≤ 1.5×', (p) => ratio(perThousand(p), perThousand(first))],
    ...first.plans.map((plan, i): [string, string, (p: ScalePoint) => string] => [
      `ms: ${plan.name}`,
      'as fast',
      (p) => `${p.plans[i]?.ms ?? 0}`,
    ]),
    ['bytes per visit (partitions + indexes)', '≤ 1.6× bare', (p) => `${p.bytesPerVisit}`],
    ['  ÷ the bare row (same run)', '≤ 1.6', (p) => (p.bytesPerVisit / p.bareBytesPerVisit).toFixed(2)],
  ];
  return [
    `Machine: ${machine}`,
    '',
    `| figure | target | ${points.map((p) => `${(p.visits / 1e6).toFixed(2)} M`).join(' | ')} |`,
    `| --- | --- | ${points.map(() => '---').join(' | ')} |`,
    ...rows.map(([name, target, cell]) => `| ${name} | ${target} | ${points.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The plans of the product's queries on visits at the largest size measured. */
export function planText(points: readonly ScalePoint[]): string {
  const last = points[points.length - 1];
  if (last === undefined) return '';
  return [`Plans at ${last.visits} visits`, ...last.plans.map((p) => `\n## ${p.name} (${p.ms} ms)\n\n${p.plan}`)].join(
    '\n',
  );
}
