import { JOB_NAMES, QUEUE_NAMES, SCHEDULER_KEYS, redisOptions } from '@unblock/queue';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { REDIS_URL, TEST_JWT_SECRET, runId } from '../support/environment';
import { waitForJob } from '../support/jobs';
import { startEntryPoint, waitForOutput } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('worker process', () => {
  let database: TestDatabase;
  let worker: ChildProcessWithoutNullStreams;
  let queue: Queue;
  const prefix = `unblock_t_${runId()}_${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = startEntryPoint('apps/worker/src/main.ts', {
      DATABASE_URL: database.url,
      REDIS_URL,
      JWT_SECRET: TEST_JWT_SECRET,
      QUEUE_PREFIX: prefix,
      REPORTS_REFRESH_MS: '200',
    });
    await waitForOutput(worker, /worker ready/u, 60_000);
    queue = new Queue(QUEUE_NAMES.system, { connection: redisOptions(REDIS_URL), prefix });
  }, 90_000);

  afterAll(async () => {
    await queue.close();
    if (worker.exitCode === null) worker.kill('SIGKILL');
    await database.drop();
  });

  it('processes a heartbeat job from its queue', async () => {
    const requestedAt = new Date().toISOString();
    const jobId = `test-heartbeat-${Date.now()}`;
    await queue.add(JOB_NAMES.heartbeat, { requestedAt }, { jobId });
    const result = await waitForJob<{ requestedAt: string; processedAt: string }>(queue, jobId);
    expect(result.requestedAt).toBe(requestedAt);
    expect(Date.parse(result.processedAt)).toBeGreaterThanOrEqual(Date.parse(requestedAt));
  });

  it('keeps one heartbeat scheduler under its fixed key', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([SCHEDULER_KEYS.heartbeat]);
  });

  it('recomputes the report rollups of a stale day within its refresh interval', async () => {
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const before = await db.query<{ at: Date }>('SELECT refreshed_at AS at FROM report_refresh_state');
      await db.query(`INSERT INTO report_dirty_days (campaign_id, day) VALUES (gen_random_uuid(), '2026-06-01')`);
      let stale = 1;
      for (let waited = 0; stale > 0 && waited < 10_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        stale = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM report_dirty_days')).rows[0]?.n ?? 1;
      }
      expect(stale).toBe(0);
      const after = await db.query<{ at: Date }>('SELECT refreshed_at AS at FROM report_refresh_state');
      expect(after.rows[0]?.at.getTime()).toBeGreaterThan(before.rows[0]?.at.getTime() ?? Infinity);
    } finally {
      await db.end();
    }
  });

  it('shuts down on SIGTERM within seconds', async () => {
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      worker.on('exit', (code, signal) => resolve({ code, signal })),
    );
    worker.kill('SIGTERM');
    // Nest closes the app (workers, connections) on SIGTERM, then re-raises the signal.
    expect([
      { code: 0, signal: null },
      { code: null, signal: 'SIGTERM' },
    ]).toContainEqual(await exited);
  });
});
