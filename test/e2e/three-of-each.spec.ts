import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Client } from 'pg';
import { FaultWorld } from '../support/fault-world';
import { multipart } from '../support/imports-context';
import { freePort } from '../support/stack';
import { newCase } from '../support/stack-world';

const METRICS_TOKEN = 'three-of-each-metrics-token-0123';
const SWEEP_INTERVAL_MS = 2000;
const RACE_CASES = 8;
const IMPORTED_VISITS = 300;

interface Worker {
  readonly process: ChildProcessWithoutNullStreams;
  readonly metricsUrl: string;
  output: string;
}

/** How many jobs of a name a worker ran, by outcome, from its metrics. */
async function jobsRun(worker: Worker, name: string): Promise<{ done: number; skipped: number; failed: number }> {
  const text = await (await fetch(worker.metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const count = (outcome: string): number => {
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('unblock_job_duration_seconds_count{') &&
          l.includes(`name="${name}"`) &&
          l.includes(`outcome="${outcome}"`),
      );
    return line === undefined ? 0 : Number(line.split(' ').pop());
  };
  return { done: count('done'), skipped: count('skipped'), failed: count('failed') };
}

/**
 * Three API processes and three workers on one Postgres and one Redis: a claim race across the APIs has one
 * winner per case, each deadline escalates once, notifications and webhooks are delivered once, the sweeper
 * runs once per interval, an import is run by one worker, no worker logs a deadlock, and killing one API
 * and one worker mid-run loses nothing.
 */
describe('three APIs and three workers', () => {
  let faults: FaultWorld;
  const apis: string[] = [];
  const workers: Worker[] = [];
  /** Every worker started, the killed one too: none may log a deadlock. */
  const everyWorker: Worker[] = [];

  beforeAll(async () => {
    faults = await FaultWorld.start({ SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS), METRICS_TOKEN });
    apis.push(faults.stack.baseUrl);
    for (let i = 0; i < 2; i += 1) apis.push((await faults.stack.startAnotherApi()).baseUrl);
    for (let i = 0; i < 3; i += 1) {
      const port = await freePort();
      const child = await faults.stack.startWorker({ WORKER_METRICS_PORT: String(port) });
      const worker: Worker = { process: child, metricsUrl: `http://127.0.0.1:${port}/metrics`, output: '' };
      child.stdout.on('data', (chunk: Buffer) => (worker.output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (worker.output += chunk.toString()));
      workers.push(worker);
      everyWorker.push(worker);
    }
  }, 300_000);

  afterAll(async () => {
    await faults?.stop();
  });

  const call = async (base: string, method: string, path: string, token: string, body?: unknown): Promise<number> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('gives each case to one claimer across the APIs', async () => {
    const { stack, world } = faults;
    const ids: string[] = [];
    for (let i = 0; i < RACE_CASES; i += 1) ids.push(await newCase(stack, world));
    const answers = await Promise.all(
      ids.map((id) => Promise.all(apis.map((base) => call(base, 'POST', `/cases/${id}/claim`, world.leadManager, {})))),
    );
    for (const perCase of answers) {
      expect(perCase.filter((s) => s === 200)).toHaveLength(1);
      expect(perCase.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
    }
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      const claims = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM case_events WHERE case_id = ANY($1) AND type = 'claimed' GROUP BY case_id`,
        [ids],
      );
      expect(claims.rows.map((r) => r.n)).toEqual(Array.from({ length: RACE_CASES }, () => 1));
    } finally {
      await db.end();
    }
  }, 120_000);

  it('escalates each deadline once and delivers once, with one API and one worker killed mid-run', async () => {
    const { stack } = faults;
    const ids = await faults.cases();
    // The first claim deadlines fall due about 4 s after the cases: kill a worker and an API as they run.
    await new Promise((resolve) => setTimeout(resolve, 4100));
    const doomed = workers.shift();
    if (doomed === undefined) throw new Error('no worker');
    await stack.stopWorker(doomed.process, 'SIGKILL');
    const api = stack.otherApis[1];
    if (api === undefined) throw new Error('no third API');
    await stack.stopWorker(api, 'SIGKILL');
    apis.pop();
    await faults.healed('3 × 3', ['one worker and one API SIGKILLed as the first deadlines ran'], ids);
  }, 240_000);

  it('runs an import on one worker, and the sweeper once per interval', async () => {
    const { stack, world } = faults;
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    try {
      const [enterprise] = (
        await db.query<{ uscc: string }>(`SELECT uscc FROM enterprises WHERE id = $1`, [world.enterpriseId])
      ).rows;
      const csv = [
        'enterprise_uscc,campaignId,visitedOn,kind,summary,clientRef',
        ...Array.from(
          { length: IMPORTED_VISITS },
          (_, i) => `${enterprise?.uscc},${world.campaignId},2026-01-05,follow_up,,three-${i}`,
        ),
      ].join('\r\n');
      const before = await Promise.all(workers.map((w) => jobsRun(w, 'import-run')));
      const body = multipart(csv, 'visits.csv');
      const response = await fetch(`${apis[1]}/imports/visits`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.officer}`, ...body.headers },
        body: body.payload,
      });
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      const deadline = Date.now() + 60_000;
      let imported: { status: string; rowsAccepted: number } | undefined;
      while (Date.now() < deadline) {
        const status = await fetch(`${apis[0]}/imports/${id}`, {
          headers: { authorization: `Bearer ${world.officer}` },
        });
        imported = (await status.json()) as { status: string; rowsAccepted: number };
        if (imported.status === 'completed' || imported.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(imported).toMatchObject({ status: 'completed', rowsAccepted: IMPORTED_VISITS, rowsRejected: 0 });
      const visits = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM visits WHERE client_ref LIKE 'three-%'`,
      );
      expect(visits.rows[0]?.n).toBe(IMPORTED_VISITS);
      const after = await Promise.all(workers.map((w) => jobsRun(w, 'import-run')));
      const runs = after.reduce((sum, a, i) => sum + a.done - (before[i]?.done ?? 0), 0);
      expect(runs).toBe(1);

      // The sweep's scheduler makes one job per interval, whichever worker takes it.
      const window = 5 * SWEEP_INTERVAL_MS;
      const sweepsBefore = await Promise.all(workers.map((w) => jobsRun(w, 'sweep')));
      await new Promise((resolve) => setTimeout(resolve, window));
      const sweepsAfter = await Promise.all(workers.map((w) => jobsRun(w, 'sweep')));
      const sweeps = sweepsAfter.reduce(
        (sum, a, i) => sum + a.done + a.skipped - (sweepsBefore[i]?.done ?? 0) - (sweepsBefore[i]?.skipped ?? 0),
        0,
      );
      console.log(
        `3 × 3: ${sweeps} sweeps in ${window} ms at one per ${SWEEP_INTERVAL_MS} ms, across ${workers.length} workers`,
      );
      expect(sweeps).toBeGreaterThanOrEqual(window / SWEEP_INTERVAL_MS - 1);
      expect(sweeps).toBeLessThanOrEqual(window / SWEEP_INTERVAL_MS + 1);
    } finally {
      await db.end();
    }
    // Deadlines taken alongside lock only the cases no one holds: no worker waits out of order.
    for (const worker of everyWorker) expect(worker.output).not.toMatch(/deadlock detected/u);
  }, 180_000);
});
