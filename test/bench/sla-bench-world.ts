import { DeadlineCalculator, SlaPlans } from '@unblock/cases';
import { QUEUE_HORIZON_MS } from '@unblock/queue';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Pool } from 'pg';
import { buildActors, diagnose, recordVisit } from '../support/case-fixtures';
import { TEST_JWT_SECRET, runId } from '../support/environment';
import { buildWorld } from '../support/fixtures';
import { startEntryPoint, waitForOutput } from '../support/processes';
import { TestApi } from '../support/test-api';

/**
 * The database the SLA benchmarks share: a world built through the API on the real clock (no ManualClock
 * anywhere), one diagnosed and routed case as the template every seeded case copies, and the campaign's SLA
 * plan. Seeded cases look exactly as the application leaves a routed case: status `assigned` at the lead
 * bank, one open `claim` obligation with its reminder's time (the plan's `remindBefore`; none when already
 * past), and the `sla.deadline` and `sla.reminder` outbox rows (payload `{obligationId, obligation, dueAt}`)
 * of those due within the queue horizon (the sweeper puts the later ones on the queue).
 */
export interface SlaBenchWorld {
  readonly api: TestApi;
  readonly pool: Pool;
  readonly templateCaseId: string;
  readonly campaignId: string;
  readonly plans: SlaPlans;
  readonly deadlines: DeadlineCalculator;
}

export async function startSlaBenchWorld(): Promise<SlaBenchWorld> {
  const api = await TestApi.start({ LOG_LEVEL: 'silent' });
  try {
    const world = await buildWorld(api);
    const actors = await buildActors(api, world);
    // Supervisors of the province receive every escalation's notice, as in production.
    for (let i = 0; i < 3; i += 1) {
      await api.userToken('supervisor', { organizationId: world.regulatorId, regionCode: '410000' });
    }
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const template = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const pool = new Pool({ connectionString: api.database.url, max: 4 });
    return {
      api,
      pool,
      templateCaseId: template,
      campaignId: world.provinceCampaignId,
      plans: api.app.get(SlaPlans),
      deadlines: api.app.get(DeadlineCalculator),
    };
  } catch (error: unknown) {
    await api.stop();
    throw error;
  }
}

export async function stopSlaBenchWorld(world: SlaBenchWorld): Promise<void> {
  await world.pool.end();
  await world.api.stop();
}

export interface SeedSpec {
  /** Distinct prefix of the seeded cases' numbers. */
  readonly tag: string;
  /** Deadlines, each as many cases as it lists, all due at the same instant (ms precision). */
  readonly deadlines: readonly { readonly at: Date; readonly count: number }[];
  /** Mark the outbox rows sent (as if relayed long ago), or leave them for the relay. */
  readonly sent?: boolean;
  /**
   * When the cases were diagnosed and routed: spread over the campaign's past half year, or three days before
   * their claim deadline (the default). Never all today: the report rollups recompute a whole day's cases.
   */
  readonly created?: 'past half year' | 'before deadline';
}

/** Seeds the cases, their claim obligations and outbox rows in one statement; answers the outbox rows written. */
export async function seedOpenCases(world: SlaBenchWorld, spec: SeedSpec): Promise<number> {
  const plan = await world.plans.planFor(world.api.dataSource.manager, world.campaignId);
  const now = new Date();
  const due: string[] = [];
  const counts: number[] = [];
  const reminders: (string | null)[] = [];
  for (const d of spec.deadlines) {
    if (d.count <= 0) continue;
    const remindAt = world.deadlines.remindAt(plan, d.at);
    due.push(d.at.toISOString());
    counts.push(d.count);
    reminders.push(remindAt > now ? remindAt.toISOString() : null);
  }
  const result = await world.pool.query<{ n: string }>(
    `WITH deadlines AS (
       SELECT d.due::timestamptz AS due_at, d.due AS due_text, d.remind::timestamptz AS remind_at, g AS n
         FROM unnest($2::text[], $3::int[], $4::text[]) AS d(due, count, remind),
              generate_series(1, d.count) AS g)
     , numbered AS (SELECT *, row_number() OVER () AS i FROM deadlines)
     , made AS (
       INSERT INTO cases (number, enterprise_id, campaign_id, origin_visit_id, region_code, chain_id, requested_amount, purpose,
                          term, bottlenecks, priority, status, routing_tier, assigned_bank_id, due_at, version, created_at, updated_at)
       SELECT $5 || '-' || numbered.i, enterprise_id, campaign_id, origin_visit_id, region_code, chain_id, requested_amount,
              purpose, term, bottlenecks, priority, status, routing_tier, assigned_bank_id, numbered.due_at, version,
              numbered.created_at, numbered.created_at
         FROM cases,
              (SELECT *, CASE WHEN $7 THEN now() - random() * interval '180 days'
                              ELSE due_at - interval '3 days' END AS created_at FROM numbered) AS numbered
        WHERE cases.id = $1
       RETURNING id, due_at, created_at)
     , obligations AS (
       INSERT INTO case_obligations (case_id, obligation, opened_at, due_at, remind_at)
       SELECT made.id, 'claim', made.created_at, made.due_at, d.remind_at
         FROM made JOIN (SELECT DISTINCT due_at, remind_at FROM deadlines) d ON d.due_at = made.due_at
       RETURNING id, case_id, due_at)
     , outbox_rows AS (
       INSERT INTO outbox (type, case_id, run_at, payload, sent_at)
       SELECT m.type, o.case_id, m.run_at,
              jsonb_build_object('obligationId', o.id, 'obligation', 'claim', 'dueAt', d.due_text),
              CASE WHEN $6 THEN now() END
         FROM obligations o
         JOIN (SELECT DISTINCT due_at, due_text, remind_at FROM deadlines) d ON d.due_at = o.due_at
         CROSS JOIN LATERAL (VALUES ('sla.deadline', o.due_at), ('sla.reminder', d.remind_at)) AS m(type, run_at)
        WHERE m.run_at IS NOT NULL AND m.run_at <= $8::timestamptz
       RETURNING 1)
     SELECT count(*)::text AS n FROM outbox_rows`,
    [
      world.templateCaseId,
      due,
      counts,
      reminders,
      `${spec.tag}`,
      spec.sent === true,
      spec.created === 'past half year',
      new Date(now.getTime() + QUEUE_HORIZON_MS),
    ],
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** Seeds `count` open cases in chunks, their deadlines spread evenly from `from` over `spanMs`, one per minute bucket. */
export async function seedSpread(
  world: SlaBenchWorld,
  tag: string,
  count: number,
  from: Date,
  spanMs: number,
  log: (line: string) => void,
  sent = false,
): Promise<void> {
  const bucketMs = 60_000;
  const buckets = Math.max(1, Math.floor(spanMs / bucketMs));
  const chunk = 1440;
  let seeded = 0;
  const started = performance.now();
  for (let b = 0; b < buckets; b += chunk) {
    const deadlines: { at: Date; count: number }[] = [];
    for (let k = b; k < Math.min(buckets, b + chunk); k += 1) {
      const n = Math.floor(((k + 1) * count) / buckets) - Math.floor((k * count) / buckets);
      deadlines.push({ at: new Date(Math.floor(from.getTime() / bucketMs) * bucketMs + k * bucketMs), count: n });
    }
    await seedOpenCases(world, { tag: `${tag}${b}`, deadlines, sent, created: 'past half year' });
    seeded += deadlines.reduce((sum, d) => sum + d.count, 0);
    if (count >= 100_000) log(`  seeded ${seeded} open cases (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  await world.pool.query('ANALYZE');
}

/** A real worker process (apps/worker/src/main.ts, the system clock) on the world's database. */
export async function startBenchWorker(
  world: SlaBenchWorld,
  redisUrl: string,
  env: Record<string, string> = {},
): Promise<{ prefix: string; worker: ChildProcessWithoutNullStreams }> {
  const prefix = `unblock_t_${runId()}_${randomBytes(3).toString('hex')}`;
  const worker = startEntryPoint('apps/worker/src/main.ts', {
    DATABASE_URL: world.api.database.url,
    REDIS_URL: redisUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'info',
    ...env,
  });
  // SLA_BENCH_WORKER_LOG=<file>: the worker's output, to see how it spent the run.
  const logFile = process.env['SLA_BENCH_WORKER_LOG'];
  if (logFile !== undefined && logFile !== '') {
    const out = createWriteStream(logFile, { flags: 'a' });
    worker.stdout.pipe(out);
    worker.stderr.pipe(out);
  }
  await waitForOutput(worker, /worker ready/u, 120_000);
  return { prefix, worker };
}

export async function stopBenchWorker(worker: ChildProcessWithoutNullStreams): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGTERM');
  const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
