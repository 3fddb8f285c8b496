import { DEFAULT_JOB_OPTIONS, redisOptions } from '@unblock/queue';
import { QUEUE_CONCURRENCY } from '../../apps/worker/src/scheduling/worker-scheduling';
import { Queue, Worker } from 'bullmq';
import { compare, median, percentile, type Comparison, type Sample } from './harness';
import { seedOpenCases, type SlaBenchWorld } from './sla-bench-world';

export interface DeadlineBenchSize {
  /** Deadlines spread evenly over the window. */
  readonly spread: number;
  readonly windowMs: number;
  /** Deadlines all due at one instant, the middle of the window. */
  readonly burst: number;
  /** Time from planning a round to its first deadline: seeding and the relay happen in it. */
  readonly leadMs: number;
  /** How long past the last deadline to wait for stragglers before counting the rest missed. */
  readonly graceMs: number;
}

/** The same concurrency as the worker's `sla` processor. */
const CONCURRENCY = QUEUE_CONCURRENCY.sla;

interface LagSample extends Sample {
  readonly lags: number[];
  readonly missed: number;
  readonly duplicated: number;
  /** The system's: from the deadline to the case's move to the next tier (its follow-up), and how many never moved. */
  readonly moves?: { readonly lags: number[]; readonly notMoved: number };
}

/** The due instants of one round: `spread` evenly over the window, plus `burst` at its middle. */
function schedule(size: DeadlineBenchSize, start: number): { at: number; count: number }[] {
  const deadlines: { at: number; count: number }[] = [];
  for (let i = 0; i < size.spread; i += 1) {
    deadlines.push({ at: start + Math.floor((i * size.windowMs) / size.spread), count: 1 });
  }
  if (size.burst > 0) deadlines.push({ at: start + Math.floor(size.windowMs / 2), count: size.burst });
  return deadlines;
}

/** Waits until every key has been seen, or until the grace past the last due instant runs out. */
async function settle(
  seen: () => number | Promise<number>,
  expected: number,
  lastDue: number,
  graceMs: number,
): Promise<void> {
  while ((await seen()) < expected && Date.now() < lastDue + graceMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function lagSample(due: Map<string, number>, seen: Map<string, number[]>): LagSample {
  const lags: number[] = [];
  let missed = 0;
  let duplicated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const [key, at] of due) {
    const times = seen.get(key);
    if (times === undefined || times.length === 0) {
      missed += 1;
      continue;
    }
    if (times.length > 1) duplicated += 1;
    const done = Math.min(...times);
    lags.push(done - at);
    first = Math.min(first, at);
    last = Math.max(last, done);
  }
  const seconds = Math.max(0.001, (last - first) / 1000);
  return { rate: lags.length / seconds, lags, missed, duplicated };
}

/**
 * "Deadline → escalation committed" against bare BullMQ's delayed-job lag, alternating A B A B on the same
 * Redis. A (the system): cases routed to their lead bank with claim obligations due over the window plus a
 * same-instant burst, seeded with their outbox rows as the application writes them; the running worker
 * process relays them, and at each deadline opens the level-1 escalation, then (its follow-up) moves the case
 * on. The lag of a deadline is its escalation's commit time (a deferred constraint trigger on escalations, run
 * at commit, records clock_timestamp() in a side table) minus its due instant; the round also waits for every
 * case to move on, and reports that lag too (by the handler's clock). B (the baseline): the same due instants
 * as delayed jobs added raw, and a bare Worker of the same concurrency recording `processedOn` − due.
 * Missed: no escalation (no processing) within the grace; duplicated: more than one; not moved: no move.
 */
export async function benchDeadlines(
  world: SlaBenchWorld,
  redisUrl: string,
  size: DeadlineBenchSize,
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison> {
  // A deferred constraint trigger runs at commit, after every statement of the handler's transaction: the
  // time it records is the escalation's commit (short of the WAL flush), on the database's clock.
  await world.pool.query(`
    CREATE UNLOGGED TABLE IF NOT EXISTS bench_committed (obligation_id uuid NOT NULL, at timestamptz NOT NULL);
    CREATE OR REPLACE FUNCTION bench_escalation_committed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO bench_committed VALUES (NEW.obligation_id, clock_timestamp()); RETURN NULL; END $$;
    DROP TRIGGER IF EXISTS bench_escalation_committed ON escalations;
    CREATE CONSTRAINT TRIGGER bench_escalation_committed AFTER INSERT ON escalations
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.level = 1) EXECUTE FUNCTION bench_escalation_committed();`);
  const committedCount = async (since: number): Promise<number> => {
    const r = await world.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM bench_committed WHERE at >= $1`, [
      new Date(since),
    ]);
    return Number(r.rows[0]?.n ?? 0);
  };

  const prefix = `bench_bare_${Date.now().toString(36)}`;
  const queue = new Queue('bare', {
    connection: redisOptions(redisUrl),
    prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  let processed = new Map<string, number[]>();
  const worker = new Worker(
    'bare',
    async (job) => {
      const at = job.processedOn ?? Date.now();
      const times = processed.get(String(job.id));
      if (times) times.push(at);
      else processed.set(String(job.id), [at]);
      return Promise.resolve();
    },
    { connection: redisOptions(redisUrl), prefix, concurrency: CONCURRENCY },
  );
  await worker.waitUntilReady();

  let lastSeedMs = 0;
  const subjects: LagSample[] = [];
  const baselines: LagSample[] = [];
  const expected = size.spread + size.burst;
  try {
    return await compare(
      {
        scenario: `deadline → escalation committed, ${size.spread} over ${size.windowMs / 1000} s + ${size.burst} at one instant`,
        subject: 'worker: relay, deadline handler, commit (deadlines/s)',
        baseline: 'bare BullMQ delayed job → processedOn',
        target: 'p99 ≤ baseline + 100 ms; 0 missed, 0 duplicated',
      },
      rounds,
      async (round) => {
        // The lead covers seeding and relaying: at least twice the last round's seeding.
        const lead = Math.max(size.leadMs, 2 * lastSeedMs);
        const start = Date.now() + lead;
        const deadlines = schedule(size, start);
        const tag = `D${round}${Date.now().toString(36)}`;
        await seedOpenCases(world, { tag, deadlines: deadlines.map((d) => ({ at: new Date(d.at), count: d.count })) });
        const seededIn = Date.now() - (start - lead);
        lastSeedMs = seededIn;
        const rows = await world.pool.query<{ id: string; case_id: string; due: string }>(
          `SELECT o.id, o.case_id, (extract(epoch FROM o.due_at) * 1000)::bigint::text AS due
             FROM case_obligations o JOIN cases c ON c.id = o.case_id WHERE c.number LIKE $1`,
          [`${tag}-%`],
        );
        const due = new Map(rows.rows.map((r) => [r.id, Number(r.due)]));
        const lastDue = Math.max(...due.values());
        await settle(() => committedCount(start - lead), expected, lastDue, size.graceMs);
        const commits = await world.pool.query<{ obligation_id: string; at: string }>(
          `SELECT obligation_id, (extract(epoch FROM at) * 1000)::bigint::text AS at FROM bench_committed WHERE obligation_id = ANY($1)`,
          [rows.rows.map((r) => r.id)],
        );
        const committed = new Map<string, number[]>();
        for (const c of commits.rows)
          committed.set(c.obligation_id, [...(committed.get(c.obligation_id) ?? []), Number(c.at)]);
        const sample = lagSample(due, committed);
        // The burst's lags apart from the spread's: which one the tail is made of.
        const burstAt = deadlines.find((d) => d.count > 1)?.at;
        const part = (burst: boolean): number[] =>
          [...due]
            .filter(([, at]) => (at === burstAt) === burst)
            .flatMap(([key, at]) => (committed.get(key) ?? []).slice(0, 1).map((t) => t - at));
        // What follows each escalation (the notices, the move to the next tier) comes after it: wait for every
        // move too, and time it from the deadline by the handler's clock.
        const caseIds = rows.rows.map((r) => r.case_id);
        const movedCount = async (): Promise<number> =>
          Number(
            (
              await world.pool.query<{ n: string }>(
                `SELECT count(*)::text AS n FROM case_events WHERE type = 'claim_deadline_missed' AND case_id = ANY($1)`,
                [caseIds],
              )
            ).rows[0]?.n,
          );
        await settle(movedCount, expected, lastDue, size.graceMs);
        const moves = await world.pool.query<{ lag: string }>(
          `SELECT (extract(epoch FROM e.at - o.due_at) * 1000)::bigint::text AS lag
             FROM case_events e JOIN case_obligations o ON o.case_id = e.case_id AND o.obligation = 'claim'
                                                       AND o.id = ANY($2)
            WHERE e.type = 'claim_deadline_missed' AND e.case_id = ANY($1)`,
          [caseIds, rows.rows.map((r) => r.id)],
        );
        const moveLags = moves.rows.map((m) => Number(m.lag));
        // The database's own count, beside the commit records: one level-1 escalation and one hop per deadline.
        const check = await world.pool.query<{ escalated: string; hops: string; opened: string }>(
          `SELECT (SELECT count(*) FROM escalations WHERE level = 1 AND obligation_id = ANY($1))::text AS escalated,
                  (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM opened_at - due_at) * 1000)
                     FROM escalations WHERE level = 1 AND obligation_id = ANY($1))::text AS opened,
                  (SELECT count(*) FROM case_events WHERE type = 'claim_deadline_missed' AND case_id = ANY($2))::text AS hops`,
          [rows.rows.map((r) => r.id), rows.rows.map((r) => r.case_id)],
        );
        const escalated = Number(check.rows[0]?.escalated);
        const hops = Number(check.rows[0]?.hops);
        const result: LagSample = {
          ...sample,
          missed: Math.max(sample.missed, expected - escalated),
          duplicated: sample.duplicated + Math.max(0, escalated - expected) + Math.max(0, hops - escalated),
          moves: { lags: moveLags, notMoved: Math.max(0, expected - hops) },
        };
        subjects.push(result);
        log(
          `  system round ${round + 1}: seeded in ${seededIn} ms, p50 ${percentile(result.lags, 50)} ms, ` +
            `p99 ${percentile(result.lags, 99)} ms, max ${Math.max(0, ...result.lags)} ms, missed ${result.missed}, duplicated ${result.duplicated}` +
            ` (handler's clock at opening, p50 ${Math.round(Number(check.rows[0]?.opened))} ms past due);` +
            ` moved on: p50 ${percentile(moveLags, 50)} ms, p99 ${percentile(moveLags, 99)} ms, not moved ${result.moves?.notMoved ?? 0};` +
            ` p99 of the burst ${percentile(part(true), 99)} ms, of the spread ${percentile(part(false), 99)} ms`,
        );
        return result;
      },
      async (round) => {
        processed = new Map();
        const start = Date.now() + size.leadMs;
        const due = new Map<string, number>();
        const jobs: { name: string; data: { due: number }; opts: { jobId: string; delay: number } }[] = [];
        for (const d of schedule(size, start)) {
          for (let k = 0; k < d.count; k += 1) {
            const id = `bare.${round}.${jobs.length}`;
            due.set(id, d.at);
            jobs.push({ name: 'deadline', data: { due: d.at }, opts: { jobId: id, delay: 0 } });
          }
        }
        for (let i = 0; i < jobs.length; i += 1000) {
          const now = Date.now();
          await queue.addBulk(
            jobs.slice(i, i + 1000).map((j) => ({ ...j, opts: { ...j.opts, delay: Math.max(0, j.data.due - now) } })),
          );
        }
        await settle(() => processed.size, expected, Math.max(...due.values()), size.graceMs);
        const result = lagSample(due, processed);
        baselines.push(result);
        log(
          `  baseline round ${round + 1}: p50 ${percentile(result.lags, 50)} ms, p99 ${percentile(result.lags, 99)} ms, ` +
            `max ${Math.max(0, ...result.lags)} ms, missed ${result.missed}, duplicated ${result.duplicated}`,
        );
        return result;
      },
      () => {
        const figure = (samples: LagSample[], f: (s: LagSample) => number): number =>
          Math.round(median(samples.map(f)));
        const p99 = (s: LagSample): number => percentile(s.lags, 99);
        return {
          'lag p50 ms': `${figure(subjects, (s) => percentile(s.lags, 50))} (baseline ${figure(baselines, (s) => percentile(s.lags, 50))})`,
          'lag p99 ms': `${figure(subjects, p99)} (baseline ${figure(baselines, p99)})`,
          'lag max ms': `${figure(subjects, (s) => Math.max(0, ...s.lags))} (baseline ${figure(baselines, (s) => Math.max(0, ...s.lags))})`,
          'p99 over baseline ms': Math.round(median(subjects.map((s, i) => p99(s) - p99(baselines[i] ?? s)))),
          missed: `${subjects.reduce((n, s) => n + s.missed, 0)} (baseline ${baselines.reduce((n, s) => n + s.missed, 0)})`,
          duplicated: `${subjects.reduce((n, s) => n + s.duplicated, 0)} (baseline ${baselines.reduce((n, s) => n + s.duplicated, 0)})`,
          'moved to the next tier p99 ms': figure(subjects, (s) => percentile(s.moves?.lags ?? [], 99)),
          'not moved': subjects.reduce((n, s) => n + (s.moves?.notMoved ?? 0), 0),
        };
      },
      // The deadlines are handled by a worker process of its own.
      { cores: false },
    );
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
