import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { eventually, Stack } from './stack';
import { buildStackWorld, newCase, type StackWorld } from './stack-world';

/* What the fault tests share: a stack with a webhook receiver, cases whose deadlines run, and what healed means. */

export const POLICY = {
  claim: 'PT4S',
  firstContact: 'PT1H',
  decision: 'PT1H',
  signing: 'PT1H',
  remindBefore: 'PT2S',
  levelTwoAfter: 'PT3S',
};
export const CASES = 12;

/** Counts the webhook deliveries a receiver got, per idempotency key. */
export class Receiver {
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

export interface Figures {
  levelOneExpected: number;
  levelOneFound: number;
  levelTwoFound: number;
  duplicateEscalations: number;
  duplicateNotifications: number;
  backlog: number;
}

/** What Postgres says after recovery: every missed deadline escalated exactly once per level. */
export async function figures(url: string): Promise<Figures> {
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
export async function settled(stack: Stack, caseIds: string[], world: StackWorld): Promise<Figures> {
  // The cases not there yet, as tier/level, so that a timeout says how far they got.
  let behind: string[] = [];
  await eventually(
    async () => {
      behind = [];
      for (const id of caseIds) {
        const view = await stack.http<{ escalationLevel: number; routingTier: number }>(
          'GET',
          `/cases/${id}`,
          world.supervisor,
        );
        if (view.body.routingTier !== 3 || view.body.escalationLevel !== 2)
          behind.push(`tier ${view.body.routingTier} level ${view.body.escalationLevel}`);
      }
      return behind.length === 0 ? true : undefined;
    },
    90_000,
    () => `every case to reach the pool and escalate to level 2 (behind: ${behind.join(', ')})`,
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

export function report(
  name: string,
  faults: string[],
  f: Figures,
  webhookDuplicates: number,
  deliveries: number,
): void {
  console.log(
    `${name}: faults injected: ${faults.join('; ')}\n` +
      `  level-1 escalations expected ${f.levelOneExpected}, found ${f.levelOneFound}; ` +
      `level-2 found ${f.levelTwoFound} (one per case: ${f.levelTwoFound === CASES})\n` +
      `  duplicate escalations ${f.duplicateEscalations}, duplicate notifications ${f.duplicateNotifications}, ` +
      `webhook keys delivered ${deliveries}, delivered twice ${webhookDuplicates}, outbox backlog ${f.backlog}`,
  );
}

export function expectHealed(f: Figures, receiver: Receiver): void {
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

/** A stack on the Redis given, a world on it, and a webhook receiver of the regulator's. */
export class FaultWorld {
  private constructor(
    readonly stack: Stack,
    readonly world: StackWorld,
    readonly receiver: Receiver,
  ) {}

  static async start(env: Record<string, string>): Promise<FaultWorld> {
    const receiver = new Receiver();
    const hook = await receiver.start();
    const stack = await Stack.create(env);
    await stack.startApi();
    const world = await buildStackWorld(stack, POLICY);
    const regulators = await stack.http<{ items: { id: string }[] }>(
      'GET',
      '/organizations?kind=regulator',
      world.admin,
    );
    await stack.http('PATCH', `/organizations/${String(regulators.body.items[0]?.id)}`, world.admin, {
      webhookUrl: hook,
      webhookSecret: 'fault-test-webhook-secret',
    });
    return new FaultWorld(stack, world, receiver);
  }

  async cases(): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < CASES; i += 1) ids.push(await newCase(this.stack, this.world));
    return ids;
  }

  /** Waits for every case to settle, prints the figures, and checks that everything healed. */
  async healed(name: string, faults: string[], ids: string[]): Promise<void> {
    const f = await settled(this.stack, ids, this.world);
    report(name, faults, f, this.receiver.duplicates(), this.receiver.byKey.size);
    expectHealed(f, this.receiver);
  }

  async stop(): Promise<void> {
    await this.stack.stop();
    this.receiver.stop();
  }
}
