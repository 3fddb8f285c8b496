/**
 * The dashboards' p95 over HTTP on an existing province-size database (made by `campaign:generate`), without
 * generating one: `DATABASE_URL=postgres://…/unblock_scale REDIS_URL=… JWT_SECRET=… npx ts-node -r
 * tsconfig-paths/register --transpile-only test/bench/dashboard-scale.ts [--samples 60] [--check]`.
 * It signs in (or creates) supervisor@scale.test and bank_manager@scale.test, starts the API on a free
 * port, and times each request `--samples` times after a warm-up. `--check` also compares each answer with
 * the same report computed by scanning the base tables (slow: seconds per report). `--backfill-sets` first
 * builds the day and month sets of every day that has figures, for a database whose day rollups are
 * current but that was migrated since (instead of the worker recomputing every day), and times it;
 * `--refresh-day 2026-03-15` marks that day stale and times the refresh that recomputes it.
 */
import { AppConfig } from '@unblock/config';
import { UserEntity } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { PasswordHasher } from '@unblock/identity';
import {
  REPORTS_REFRESH_LOCK,
  ReportRollups,
  ReportsService,
  refreshPresenceSets,
  type ReportQuery,
} from '@unblock/reports';
import { isDeepStrictEqual } from 'node:util';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { percentile } from './harness';

const PASSWORD = 'Scale-pass-123456';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      samples: { type: 'string', default: '60' },
      check: { type: 'boolean', default: false },
      only: { type: 'string' },
      'backfill-sets': { type: 'boolean', default: false },
      'refresh-day': { type: 'string' },
    },
  });
  const samples = Number(values.samples);
  const config = AppConfig.from({
    ...(process.env as Record<string, string>),
    LOG_LEVEL: 'silent',
    LOGIN_THROTTLE_LIMIT: '100000',
    DATABASE_POOL_SIZE: '10',
  });
  const app = await createApiApp(config, { logs: false });
  await app.listen(0, '127.0.0.1');
  try {
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const dataSource = app.get(DataSource);
    if (values['backfill-sets']) await backfillSets(dataSource);
    const refreshDay = values['refresh-day'];
    if (refreshDay !== undefined) {
      // One stale day, recomputed as the worker does: its day rows, sets, month sets and all-days rows.
      await dataSource.query(
        `INSERT INTO report_dirty_days (campaign_id, day)
         SELECT id, $1 FROM campaigns WHERE region_code = '370000' ORDER BY created_at DESC LIMIT 1`,
        [refreshDay],
      );
      const started = performance.now();
      const refreshed = await app.get(ReportRollups).refresh();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`refresh of ${JSON.stringify(refreshed)} (${refreshDay}) in ${seconds} s\n`);
    }
    const [campaign] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM campaigns WHERE region_code = '370000' ORDER BY created_at DESC LIMIT 1`,
    );
    const campaignId = campaign?.id ?? '';
    const [regulator] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM organizations WHERE kind = 'regulator' AND region_code = '370000' LIMIT 1`,
    );
    const [bank] = await dataSource.query<{ id: string }[]>(
      `SELECT assigned_bank_id AS id FROM cases WHERE campaign_id = $1 AND assigned_bank_id IS NOT NULL LIMIT 1`,
      [campaignId],
    );
    const signIn = async (
      email: string,
      role: 'supervisor' | 'bank_manager',
      organizationId: string,
    ): Promise<string> => {
      const users = dataSource.getRepository(UserEntity);
      if ((await users.findOneBy({ email })) === null) {
        await users.save({
          email,
          name: email,
          role,
          organizationId,
          regionCode: '370000',
          passwordHash: await app.get(PasswordHasher).hash(PASSWORD),
          active: true,
          lastLoginAt: null,
        });
      }
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      const body = (await response.json()) as { accessToken?: string };
      if (body.accessToken === undefined) throw new Error(`login ${email}: ${response.status}`);
      return body.accessToken;
    };
    const supervisor = await signIn('supervisor@scale.test', 'supervisor', regulator?.id ?? '');
    const manager = await signIn('bank_manager@scale.test', 'bank_manager', bank?.id ?? '');
    const supervisorActor: Actor = {
      userId: 'supervisor',
      role: 'supervisor',
      organizationId: regulator?.id ?? null,
      regionCode: '370000',
    };
    const managerActor: Actor = {
      userId: 'manager',
      role: 'bank_manager',
      organizationId: bank?.id ?? null,
      regionCode: '370000',
    };
    const month = { from: '2026-03-01', to: '2026-03-31' };
    const cases: { name: string; report: 'summary' | 'chains'; query: ReportQuery; token: string; actor: Actor }[] = [
      { name: 'summary, whole campaign', report: 'summary', query: {}, token: supervisor, actor: supervisorActor },
      { name: 'chains, whole campaign', report: 'chains', query: {}, token: supervisor, actor: supervisorActor },
      { name: 'summary, one month', report: 'summary', query: month, token: supervisor, actor: supervisorActor },
      { name: 'chains, one month', report: 'chains', query: month, token: supervisor, actor: supervisorActor },
      {
        name: 'summary, a city (370100)',
        report: 'summary',
        query: { regionCode: '370100' },
        token: supervisor,
        actor: supervisorActor,
      },
      {
        name: 'summary, 03-05..04-20 (edge days)',
        report: 'summary',
        query: { from: '2026-03-05', to: '2026-04-20' },
        token: supervisor,
        actor: supervisorActor,
      },
      {
        name: 'chains, 03-05..04-20 (edge days)',
        report: 'chains',
        query: { from: '2026-03-05', to: '2026-04-20' },
        token: supervisor,
        actor: supervisorActor,
      },
      { name: "bank manager's summary", report: 'summary', query: {}, token: manager, actor: managerActor },
      {
        name: "bank manager's summary, one month",
        report: 'summary',
        query: month,
        token: manager,
        actor: managerActor,
      },
    ];
    process.stdout.write(
      `campaign ${campaignId}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    const reference = app.get(ReportsService).fromBaseTables();
    for (const c of cases) {
      if (values.only !== undefined && !c.name.includes(values.only)) continue;
      const query = { campaignId, ...c.query };
      const search = new URLSearchParams(query as Record<string, string>).toString();
      const get = async (): Promise<unknown> => {
        const response = await fetch(`${base}/api/v1/reports/${c.report}?${search}`, {
          headers: { authorization: `Bearer ${c.token}` },
        });
        if (response.status !== 200) throw new Error(`${c.name}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      const answer = await get(); // warm
      const latencies: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        const started = performance.now();
        await get();
        latencies.push(performance.now() - started);
      }
      let check = '';
      if (values.check) {
        const expected: unknown = JSON.parse(JSON.stringify(await reference[c.report](c.actor, query)));
        check = isDeepStrictEqual(answer, expected) ? ' = base tables' : ' DIFFERS from base tables';
      }
      process.stdout.write(
        `${c.name.padEnd(38)} p50 ${percentile(latencies, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(
          latencies,
          95,
        )
          .toFixed(1)
          .padStart(7)} ms  (${samples} samples, load ${loadavg()[0]?.toFixed(2)})${check}\n`,
      );
    }
  } finally {
    await app.close();
  }
}

async function backfillSets(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [REPORTS_REFRESH_LOCK]);
    const campaigns = await manager.query<{ campaign_id: string; days: string[] }[]>(
      `SELECT campaign_id, array_agg(day::text ORDER BY day) AS days FROM report_day_figures WHERE kind = 't'
        GROUP BY campaign_id`,
    );
    for (const { campaign_id, days } of campaigns) {
      const started = performance.now();
      await refreshPresenceSets(manager, campaign_id, days);
      const ms = performance.now() - started;
      process.stdout.write(`sets of ${campaign_id}: ${days.length} days in ${(ms / 1000).toFixed(1)} s\n`);
      await manager.query('DELETE FROM report_dirty_days WHERE campaign_id = $1 AND day = ANY($2::date[])', [
        campaign_id,
        days,
      ]);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
