import autocannon from 'autocannon';
import { JOB_NAMES, OutboxRelay, QUEUE_NAMES, jobIdOf, redisOptions } from '@unblock/queue';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { buildActors, diagnose, recordVisit } from '../support/case-fixtures';
import { REDIS_URL } from '../support/environment';
import { buildWorld } from '../support/fixtures';
import { slaContext } from '../support/sla-context';
import { TestApi } from '../support/test-api';
import { ManualClock } from '@unblock/domain';
import { compare, drive, percentile, type Comparison, type Sample } from './harness';
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
  // Each round of an HTTP scenario lasts a few seconds: rounds of under one second were noisy here.
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

const CONCURRENCY = 50;

/**
 * autocannon notices that `amount` requests are done only at its next sample tick (every `sampleInt` ms,
 * 1,000 by default), so its duration, and any rate made of it, is rounded up to the tick: 3,000 visits
 * done in 1.2 s read as 2 s. A 10 ms tick keeps that error within 1 %.
 */
const SAMPLE_MS = 10;

async function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ sampleInt: SAMPLE_MS, ...options }, (error: unknown, result) =>
      error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(result),
    );
  });
}

function fromCannon(result: autocannon.Result, expected: number): Sample & { p99: number } {
  const ok = result['2xx'];
  if (ok !== expected)
    throw new Error(`expected ${expected} 2xx answers, got ${ok} (non-2xx ${result.non2xx}, errors ${result.errors})`);
  const seconds = result.duration;
  return { rate: ok / seconds, p99: result.latency.p99 };
}

/** Runs the benchmarks: the system beside a baseline measured in the same run, alternating A B A B. */
export const SCENARIOS = ['visits', 'claims', 'relay', 'get', 'import', 'sla'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export async function runBenchmarks(
  size: BenchSize,
  log: (line: string) => void = () => undefined,
  only: ReadonlySet<ScenarioName> = new Set(SCENARIOS),
): Promise<Comparison[]> {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  const api = await TestApi.start({ DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'silent' }, { clock });
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
      log('claims on distinct cases vs raw conditional UPDATE');
      const visitId = await recordVisit(api, actors.officer, {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
      });
      const template = String((await diagnose(api, actors.officer, { visitId }))['id']);
      const clone = async (n: number): Promise<{ id: string; version: number }[]> => {
        const rows = await api.dataSource.query<{ id: string; version: number }[]>(
          `WITH made AS (
           INSERT INTO cases (number, enterprise_id, campaign_id, origin_visit_id, region_code, chain_id, requested_amount, purpose, term,
                              bottlenecks, priority, status, routing_tier, assigned_bank_id, due_at, version)
           SELECT 'B-' || left(replace(gen_random_uuid()::text, '-', ''), 24), enterprise_id, campaign_id, origin_visit_id, region_code, chain_id, requested_amount,
                  purpose, term, bottlenecks, priority, status, routing_tier, assigned_bank_id, due_at, version
             FROM cases, generate_series(1, $2) WHERE id = $1
           RETURNING id, version, due_at)
         , obligations AS (
           INSERT INTO case_obligations (case_id, obligation, opened_at, due_at)
           SELECT id, 'claim', now(), due_at FROM made RETURNING case_id)
         SELECT id, version FROM made`,
          [template, n],
        );
        // As autovacuum would soon: planned on the statistics of nearly empty tables, the open obligations
        // of one case would be looked up by scanning every open obligation by due date.
        await api.dataSource.query(`ANALYZE cases, case_obligations`);
        return rows;
      };
      const managerId = (
        await api.dataSource.query<{ id: string }[]>(
          `SELECT id FROM users WHERE role = 'bank_manager' AND organization_id = $1 LIMIT 1`,
          [world.henanBankId],
        )
      )[0]?.id;
      results.push(
        await compare(
          {
            scenario: 'claims on distinct cases, 50 concurrent',
            subject: 'API claim (one transaction)',
            baseline: 'raw UPDATE … RETURNING',
            target: '≥ 0.40',
          },
          size.rounds,
          async () => {
            const cases = await clone(size.claims);
            let next = 0;
            // The same load generator as the other HTTP scenarios (autocannon), each request a case of its own.
            return fromCannon(
              await cannon({
                url: base,
                connections: Math.min(CONCURRENCY, cases.length),
                amount: cases.length,
                requests: [
                  {
                    method: 'POST',
                    headers: { authorization: `Bearer ${actors.leadManager}`, 'content-type': 'application/json' },
                    body: '{}',
                    setupRequest: (request) => ({ ...request, path: `/api/v1/cases/${cases[next++]?.id ?? ''}/claim` }),
                  },
                ],
              }),
              cases.length,
            );
          },
          async () => {
            const cases = await clone(size.claims);
            return drive(cases.length, CONCURRENCY, async (i) => {
              const c = cases[i];
              const { rowCount } = await pool.query(
                `UPDATE cases SET status = 'claimed', claimed_by_user_id = $1, version = version + 1
                WHERE id = $2 AND status = 'assigned' AND version = $3 RETURNING id`,
                [managerId, c?.id, c?.version],
              );
              if (rowCount !== 1) throw new Error('raw claim lost');
            });
          },
        ),
      );

      log('50-way claim race');
      const raceCases = await clone(size.raceCases);
      const managers = await Promise.all(
        Array.from({ length: CONCURRENCY }, () =>
          api.userToken('bank_manager', { organizationId: world.henanBankId, regionCode: '410100' }),
        ),
      );
      let winners = 0;
      let conflicts = 0;
      let others = 0;
      for (const c of raceCases) {
        const statuses = await Promise.all(
          managers.map(async (m) => {
            const r = await fetch(`${base}/api/v1/cases/${c.id}/claim`, {
              method: 'POST',
              headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' },
              body: '{}',
            });
            await r.arrayBuffer();
            return r.status;
          }),
        );
        winners += statuses.filter((s) => s === 200).length;
        conflicts += statuses.filter((s) => s === 409).length;
        others += statuses.filter((s) => s !== 200 && s !== 409).length;
      }
      const claimRow = results[results.length - 1];
      if (claimRow) {
        claimRow.extra['race cases'] = raceCases.length;
        claimRow.extra['race winners'] = winners;
        claimRow.extra['race 409s'] = conflicts;
        claimRow.extra['race other'] = others;
      }
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
