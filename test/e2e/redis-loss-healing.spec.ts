import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import Redis from 'ioredis';
import { Client } from 'pg';
import { OwnRedis } from '../support/redis-server';
import { eventually, freePort, Stack } from '../support/stack';
import { buildStackWorld, newCase, type StackWorld } from '../support/stack-world';

/** Long enough that the old healing (up to two intervals, and at least one after the deadline) shows. */
const SWEEP_INTERVAL_MS = 20_000;
/** What the measurement may take beyond the interval: polling, a process resumed, a transaction. */
const SLACK_MS = 1000;
const METRICS_TOKEN = 'e2e-metrics-token-0123456789';
const POLICY = {
  claim: 'PT8S',
  firstContact: 'PT1H',
  decision: 'PT1H',
  signing: 'PT1H',
  remindBefore: 'PT1S',
  levelTwoAfter: 'PT1H',
};

/**
 * Redis loses every key while a deadline is overdue and its job, queued in Redis, has not run (the worker
 * is held with SIGSTOP from just before the deadline until the loss). The escalation must be committed
 * within one sweep interval of the loss, by a real worker process on a redis-server of the test's own.
 */
describe('healing after Redis loses everything', () => {
  let redis: OwnRedis;
  let stack: Stack;
  let world: StackWorld;
  let worker: ChildProcessWithoutNullStreams;
  let db: Client;
  let keys: Redis;
  let metricsUrl: string;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    stack = await Stack.create({
      REDIS_URL: redis.url,
      SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
      METRICS_TOKEN,
      WORKER_METRICS_PORT: String(metricsPort),
    });
    await stack.startApi();
    world = await buildStackWorld(stack, POLICY);
    worker = await stack.startWorker();
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
    keys = new Redis(redis.url);
  }, 120_000);

  afterAll(async () => {
    keys.disconnect();
    await db.end();
    await stack.stop();
    await redis.stop();
  });

  const prefix = (): string => String(stack.env['QUEUE_PREFIX']);

  it(`escalates an overdue deadline within one sweep interval (${SWEEP_INTERVAL_MS} ms) of the loss`, async () => {
    // The worker's first sweep has run: Redis holds its key.
    await eventually(
      async () => ((await keys.exists(`${prefix()}:sla:horizon`)) === 1 ? true : undefined),
      20_000,
      'the first sweep',
    );
    const caseId = await newCase(stack, world);
    const {
      rows: [claim],
    } = await db.query<{ id: string; due_at: Date }>(
      `SELECT id, due_at FROM case_obligations WHERE case_id = $1 AND obligation = 'claim'`,
      [caseId],
    );
    if (claim === undefined) throw new Error('no claim obligation');
    const due = claim.due_at.getTime();
    // The relay put the deadline's job in Redis.
    await eventually(
      async () => ((await keys.exists(`${prefix()}:sla:deadline.${claim.id}.${due}`)) === 1 ? true : undefined),
      5_000,
      'the deadline job in Redis',
    );
    worker.kill('SIGSTOP');
    let lostAt = 0;
    try {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due + 1500 - Date.now())));
      const escalations = async (): Promise<number> =>
        Number(
          (
            await db.query<{ n: string }>(
              'SELECT count(*) AS n FROM escalations WHERE obligation_id = $1 AND level = 1',
              [claim.id],
            )
          ).rows[0]?.n,
        );
      expect(await escalations()).toBe(0);
      await redis.flushAll();
      lostAt = Date.now();
    } finally {
      worker.kill('SIGCONT');
    }
    const healedAt = await eventually(
      async () => {
        const { rows } = await db.query<{ n: string }>(
          'SELECT count(*) AS n FROM escalations WHERE obligation_id = $1 AND level = 1',
          [claim.id],
        );
        return Number(rows[0]?.n) === 1 ? Date.now() : undefined;
      },
      3 * SWEEP_INTERVAL_MS,
      'the overdue deadline to be escalated',
    );
    const healing = healedAt - lostAt;
    console.log(
      `Redis lost everything ${lostAt - due} ms after a deadline whose job it held; the escalation was ` +
        `committed ${healing} ms after the loss (sweep interval ${SWEEP_INTERVAL_MS} ms)`,
    );
    expect(healing).toBeLessThanOrEqual(SWEEP_INTERVAL_MS + SLACK_MS);
    // The case moved on to the deputy bank, as after any missed claim.
    await eventually(
      async () => {
        const view = await stack.http<{ routingTier: number }>('GET', `/cases/${caseId}`, world.supervisor);
        return view.body.routingTier === 2 ? true : undefined;
      },
      3 * SWEEP_INTERVAL_MS,
      'the case to move to the deputy bank',
    );
  }, 120_000);

  it('serves the worker’s metrics on its own port, behind the token', async () => {
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    expect((await fetch(metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
    const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const family of [
      'unblock_job_duration_seconds',
      'unblock_deadline_lag_seconds',
      'unblock_import_rows_total',
      'nodejs_eventloop_lag_seconds',
      'unblock_pg_pool_connections',
    ]) {
      expect([family, text.includes(`# TYPE ${family} `)]).toEqual([family, true]);
    }
    // The escalation above was observed: one deadline's lag at least.
    const lagCount = /^unblock_deadline_lag_seconds_count (\d+)$/mu.exec(text);
    expect(Number(lagCount?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^unblock_job_duration_seconds_count\{[^}]*queue="sla"[^}]*\} [1-9]/mu);
    expect(text).toMatch(/^unblock_pg_pool_connections\{pool="typeorm"\} [1-9]/mu);
  });
});
