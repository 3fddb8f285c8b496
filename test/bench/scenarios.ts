import { JOB_NAMES, OutboxRelay, QUEUE_NAMES, jobIdOf, redisOptions } from '@unblock/queue';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { buildActors } from '../support/case-fixtures';
import { REDIS_URL } from '../support/environment';
import { buildWorld } from '../support/fixtures';
import { slaContext } from '../support/sla-context';
import { TestApi } from '../support/test-api';
import { ManualClock } from '@unblock/domain';
import { claimsBenchmark } from './claims-bench';
import { compare, drive, percentile, type Comparison } from './harness';
import { CONCURRENCY, cannon, fromCannon } from './http-load';
import { importBenchmark } from './import-bench';
import { SLA_SIZES, runSlaBenchmarks, type SlaBenchSize } from './sla-benchmarks';

export interface BenchSize {
  readonly rounds: number;
  readonly visits: number;
  readonly claims: number;
  readonly raceCases: number;
  readonly relay: number;
  readonly gets: number;
  readonly importRows: number;
  readonly sla: SlaBenchSize;
}

export const SIZES: Record<'tiny' | 'full', BenchSize> = {
  tiny: {
    rounds: 2,
    visits: 60,
    claims: 20,
    raceCases: 5,
    relay: 200,
    gets: 200,
    importRows: 500,
    sla: SLA_SIZES.tiny,
  },
  // Each round of an HTTP scenario lasts a few seconds, so that one round's noise stays small beside it.
  full: {
    rounds: 4,
    visits: 10_000,
    claims: 2000,
    raceCases: 300,
    relay: 20_000,
    gets: 80_000,
    importRows: 1_000_000,
    sla: SLA_SIZES.full,
  },
};

/** The scenarios, as `--only` names them. */
export const SCENARIOS = ['visits', 'claims', 'relay', 'get', 'import', 'sla'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Runs the benchmarks: the system beside a baseline measured in the same run, alternating A B A B. */
export async function runBenchmarks(
  size: BenchSize,
  log: (line: string) => void = () => undefined,
  only: ReadonlySet<ScenarioName> = new Set(SCENARIOS),
): Promise<Comparison[]> {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  // The import scenario uploads a million visit rows (about 130 MB of CSV), past the default upload limit.
  const api = await TestApi.start(
    { DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'silent', UPLOAD_MAX_BYTES: String(512 * 1024 * 1024) },
    { clock },
  );
  await api.app.listen(0, '127.0.0.1');
  const port = (api.app.getHttpServer().address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const pool = new Pool({ connectionString: api.database.url, max: 10 });
  const results: Comparison[] = [];
  try {
    const world = await buildWorld(api);
    const actors = await buildActors(api, world);
    const officer = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE role = 'field_officer' AND region_code = '410100' LIMIT 1`,
    );
    const officerId = String(officer[0]?.id);
    const visitBody = {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
      kind: 'follow_up',
      visitedOn: '2026-05-30',
      summary: '回访',
    };

    if (only.has('visits')) {
      log('POST /visits vs raw INSERT');
      let p99s: number[] = [];
      results.push(
        await compare(
          {
            scenario: 'POST /visits, 50 concurrent',
            subject: 'API (auth, validation, audit)',
            baseline: 'raw pg INSERT',
            target: '≥ 0.40, p99 ≤ 25 ms',
          },
          size.rounds,
          async () => {
            const sample = fromCannon(
              await cannon({
                url: `${base}/api/v1/visits`,
                method: 'POST',
                connections: CONCURRENCY,
                amount: size.visits,
                headers: { authorization: `Bearer ${actors.officer}`, 'content-type': 'application/json' },
                body: JSON.stringify(visitBody),
              }),
              size.visits,
            );
            p99s.push(sample.p99);
            return sample;
          },
          () =>
            drive(size.visits, CONCURRENCY, async () => {
              await pool.query(
                `INSERT INTO visits (campaign_id, enterprise_id, region_code, visited_on, kind, visitor_user_id, visitor_organization_id, summary)
               VALUES ($1, $2, '410102', $3, $4, $5, $6, $7)`,
                [
                  visitBody.campaignId,
                  visitBody.enterpriseId,
                  visitBody.visitedOn,
                  visitBody.kind,
                  officerId,
                  world.regulatorId,
                  visitBody.summary,
                ],
              );
            }),
          () => ({ 'p99 ms (median of rounds)': Math.round(percentile(p99s, 50)) }),
        ),
      );
      p99s = [];
    }

    if (only.has('claims')) {
      results.push(await claimsBenchmark({ api, base, pool, world, actors, log }, size));
    }

    if (only.has('relay')) {
      log('outbox relay vs raw addBulk');
      const sla = await slaContext(api, clock);
      const relay = sla.get(OutboxRelay);
      const queue = new Queue(QUEUE_NAMES.sla, { connection: redisOptions(REDIS_URL), prefix: api.config.queuePrefix });
      const payloads = (): { obligationId: string; obligation: string; dueAt: string }[] =>
        Array.from({ length: size.relay }, () => ({
          obligationId: randomUUID(),
          obligation: 'claim',
          dueAt: '2026-06-01T03:00:00.000Z',
        }));
      try {
        results.push(
          await compare(
            {
              scenario: 'outbox → BullMQ',
              subject: 'relay (SKIP LOCKED, addBulk, mark sent)',
              baseline: 'raw BullMQ addBulk',
              target: '≥ 0.80',
            },
            size.rounds,
            async () => {
              const batch = payloads();
              await api.dataSource.query(
                `INSERT INTO outbox (type, run_at, payload) SELECT 'sla.deadline', '2026-06-01T03:00:00Z', p FROM jsonb_array_elements($1::jsonb) AS p`,
                [JSON.stringify(batch)],
              );
              const started = performance.now();
              let moved = 0;
              for (let n = await relay.relayOnce(clock.now()); n > 0; n = await relay.relayOnce(clock.now()))
                moved += n;
              const rate = moved / ((performance.now() - started) / 1000);
              await queue.obliterate({ force: true });
              return { rate };
            },
            async () => {
              const batch = payloads();
              const started = performance.now();
              for (let i = 0; i < batch.length; i += 500) {
                await queue.addBulk(
                  batch.slice(i, i + 500).map((p) => ({
                    name: JOB_NAMES.deadline,
                    data: p,
                    opts: { jobId: jobIdOf(JOB_NAMES.deadline, p), delay: 3_600_000 },
                  })),
                );
              }
              const rate = batch.length / ((performance.now() - started) / 1000);
              await queue.obliterate({ force: true });
              return { rate };
            },
          ),
        );
      } finally {
        await queue.close();
        await sla.close();
      }
    }

    if (only.has('get')) {
      log('authenticated trivial GET vs node:http');
      const body = JSON.stringify({
        userId: randomUUID(),
        role: 'field_officer',
        organizationId: randomUUID(),
        regionCode: '410100',
      });
      const plain: Server = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(body);
      });
      await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
      const plainPort = (plain.address() as AddressInfo).port;
      try {
        results.push(
          await compare(
            {
              scenario: 'authenticated trivial GET',
              subject: 'GET /me/token (every pipe, guard, interceptor)',
              baseline: 'plain node:http',
              target: '≥ 0.60',
            },
            size.rounds,
            async () =>
              fromCannon(
                await cannon({
                  url: `${base}/api/v1/me/token`,
                  connections: CONCURRENCY,
                  amount: size.gets,
                  headers: { authorization: `Bearer ${actors.officer}` },
                }),
                size.gets,
              ),
            async () =>
              fromCannon(
                await cannon({ url: `http://127.0.0.1:${plainPort}/`, connections: CONCURRENCY, amount: size.gets }),
                size.gets,
              ),
          ),
        );
      } finally {
        plain.close();
      }
    }

    if (only.has('import')) {
      log(`import of ${size.importRows} visit rows vs psql \\copy`);
      const importer = await api.userToken('field_officer', {
        organizationId: world.regulatorId,
        regionCode: '410100',
      });
      results.push(
        await importBenchmark(
          api,
          base,
          clock,
          world,
          { ...importer, organizationId: world.regulatorId },
          size.importRows,
          size.rounds,
        ),
      );
    }
  } finally {
    await pool.end();
    await api.stop();
  }
  if (only.has('sla')) results.push(...(await runSlaBenchmarks(size.sla, size.rounds, log)));
  return results;
}
