import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { OwnRedis } from '../support/redis-server';
import { eventually, Stack } from '../support/stack';
import { buildStackWorld, newCase, type StackWorld } from '../support/stack-world';

const POLICY = {
  claim: 'PT4S',
  firstContact: 'PT1H',
  decision: 'PT1H',
  signing: 'PT1H',
  remindBefore: 'PT2S',
  levelTwoAfter: 'PT3S',
};
const CASES = 12;

/** Counts the webhook deliveries a receiver got, per idempotency key. */
class Receiver {
  readonly byKey = new Map<string, number>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const key = String(req.headers['x-unblock-idempotency-key']);
      this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1);
      req.resume();
      req.on('end', () => {
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks`;
  }

  duplicates(): number {
    return [...this.byKey.values()].filter((n) => n > 1).length;
  }

  stop(): void {
    this.server?.close();
  }
}

interface Figures {
  levelOneExpected: number;
  levelOneFound: number;
  levelTwoFound: number;
  duplicateEscalations: number;
  duplicateNotifications: number;
  backlog: number;
}

/** What Postgres says after recovery: every missed deadline escalated exactly once per level. */
async function figures(url: string): Promise<Figures> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const one = async (sql: string): Promise<number> =>
      Number(Object.values((await db.query<Record<string, string>>(sql)).rows[0] ?? {})[0]);
    // A deadline was missed when it passed while the obligation was open (met or cancelled after it, or never).
    const missed = `FROM case_obligations o WHERE o.due_at < now() - interval '2 seconds'
      AND (o.met_at IS NULL OR o.met_at > o.due_at) AND (o.cancelled_at IS NULL OR o.cancelled_at > o.due_at)`;
    return {
      levelOneExpected: await one(`SELECT count(*) ${missed}`),
      levelOneFound: await one(`SELECT count(*) FROM escalations WHERE level = 1`),
      levelTwoFound: await one(`SELECT count(*) FROM escalations WHERE level = 2`),
      duplicateEscalations: await one(
        `SELECT count(*) FROM (SELECT obligation_id, level FROM escalations GROUP BY 1, 2 HAVING count(*) > 1) d`,
      ),
      duplicateNotifications: await one(
        `SELECT count(*) FROM (SELECT idempotency_key FROM notifications GROUP BY 1 HAVING count(*) > 1) d`,
      ),
      backlog: await one(`SELECT count(*) FROM outbox WHERE sent_at IS NULL AND run_at <= now() + interval '24 hours'`),
    };
  } finally {
    await db.end();
  }
}

/** Waits until every case has gone through its three tiers and every missed deadline is escalated. */
async function settled(stack: Stack, caseIds: string[], world: StackWorld): Promise<Figures> {
  await eventually(
    async () => {
      for (const id of caseIds) {
        const view = await stack.http<{ escalationLevel: number; routingTier: number }>(
          'GET',
          `/cases/${id}`,
          world.supervisor,
        );
        if (view.body.routingTier !== 3 || view.body.escalationLevel !== 2) return undefined;
      }
      return true;
    },
    90_000,
    'every case to reach the pool and escalate to level 2',
  );
  return eventually(
    async () => {
      const f = await figures(stack.database.url);
      return f.levelOneFound === f.levelOneExpected && f.backlog === 0 ? f : undefined;
    },
    30_000,
    'every missed deadline to be escalated and the outbox drained',
  );
}

function report(name: string, faults: string[], f: Figures, webhookDuplicates: number, deliveries: number): void {
  console.log(
    `${name}: faults injected: ${faults.join('; ')}\n` +
      `  level-1 escalations expected ${f.levelOneExpected}, found ${f.levelOneFound}; ` +
      `level-2 found ${f.levelTwoFound} (one per case: ${f.levelTwoFound === CASES})\n` +
      `  duplicate escalations ${f.duplicateEscalations}, duplicate notifications ${f.duplicateNotifications}, ` +
      `webhook keys delivered ${deliveries}, delivered twice ${webhookDuplicates}, outbox backlog ${f.backlog}`,
  );
}

function expectHealed(f: Figures, receiver: Receiver): void {
  // Each case misses three claim deadlines (lead bank, deputy, pool): three level-1 escalations, and the
  // pool's miss goes to level 2.
  expect(f.levelOneFound).toBe(f.levelOneExpected);
  expect(f.levelOneFound).toBe(CASES * 3);
  expect(f.levelTwoFound).toBe(CASES);
  expect(f.duplicateEscalations).toBe(0);
  expect(f.duplicateNotifications).toBe(0);
  expect(f.backlog).toBe(0);
  expect(receiver.duplicates()).toBe(0);
}

describe('fault tolerance: Redis may lose everything, processes may die', () => {
  let redis: OwnRedis;
  let stack: Stack;
  let world: StackWorld;
  let receiver: Receiver;

  async function setUp(): Promise<void> {
    redis = await OwnRedis.start();
    receiver = new Receiver();
    const hook = await receiver.start();
    stack = await Stack.create({ REDIS_URL: redis.url });
    await stack.startApi();
    world = await buildStackWorld(stack, POLICY);
    const regulators = await stack.http<{ items: { id: string }[] }>(
      'GET',
      '/organizations?kind=regulator',
      world.admin,
    );
    await stack.http('PATCH', `/organizations/${String(regulators.body.items[0]?.id)}`, world.admin, {
      webhookUrl: hook,
      webhookSecret: 'fault-test-webhook-secret',
    });
  }

  async function tearDown(): Promise<void> {
    await stack.stop();
    await redis.stop();
    receiver.stop();
  }

  const cases = async (): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < CASES; i += 1) ids.push(await newCase(stack, world));
    return ids;
  };

  describe('(a) FLUSHALL mid-run', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('heals from Postgres: every missed deadline escalated once per level, nothing delivered twice', async () => {
      await stack.startWorker();
      const ids = await cases();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await redis.flushAll();
      const f = await settled(stack, ids, world);
      report(
        '(a) FLUSHALL',
        ['FLUSHALL 1.5 s after the cases, with their deadlines queued'],
        f,
        receiver.duplicates(),
        receiver.byKey.size,
      );
      expectHealed(f, receiver);
    }, 180_000);
  });

  describe('(a) Redis killed and restarted empty mid-run', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('heals from Postgres once Redis is back', async () => {
      await stack.startWorker();
      const ids = await cases();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await redis.kill();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await redis.launch();
      const f = await settled(stack, ids, world);
      report(
        '(a) restart',
        ['redis-server SIGKILLed 1.5 s after the cases, restarted empty 3 s later'],
        f,
        receiver.duplicates(),
        receiver.byKey.size,
      );
      expectHealed(f, receiver);
    }, 180_000);
  });

  describe('(b) a worker SIGKILLed inside its handlers', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('loses nothing: the other worker and the sweeper finish the work', async () => {
      const doomed = await stack.startWorker();
      await stack.startWorker();
      const ids = await cases();
      // The first claim deadlines all fall due about 4 s after the cases: kill one worker as they run.
      await new Promise((resolve) => setTimeout(resolve, 4100));
      await stack.stopWorker(doomed, 'SIGKILL');
      const f = await settled(stack, ids, world);
      report(
        '(b)',
        ['one of two workers SIGKILLed while the first deadlines ran'],
        f,
        receiver.duplicates(),
        receiver.byKey.size,
      );
      expectHealed(f, receiver);
    }, 180_000);
  });

  describe('(c) the API killed between its commits and the relay', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('relays what the API committed once a worker runs', async () => {
      const ids = await cases();
      const before = await figures(stack.database.url);
      expect(before.backlog).toBeGreaterThan(0);
      await stack.stopApi('SIGKILL');
      await stack.startWorker();
      await stack.startApi();
      const f = await settled(stack, ids, world);
      report(
        '(c)',
        [`API SIGKILLed with ${before.backlog} outbox messages unrelayed (no worker running)`],
        f,
        receiver.duplicates(),
        receiver.byKey.size,
      );
      expectHealed(f, receiver);
    }, 180_000);
  });
});
