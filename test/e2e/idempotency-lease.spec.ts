import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { Stack, eventually } from '../support/stack';
import { buildStackWorld, type StackWorld } from '../support/stack-world';

const KEY = 'need-2026-12-07-dies-mid-request';
const LEASE_MS = 5000;

/**
 * An API that dies after writing, before it keeps the answer of an `Idempotency-Key`: the key holds a lease,
 * and once it lapses a retry finds what the first request committed (found by issue 19: the key stayed
 * "still running" for ever, and every retry got a 409).
 */
describe('an Idempotency-Key whose API died mid-request', () => {
  let stack: Stack;
  let world: StackWorld;
  let db: Client;

  beforeAll(async () => {
    stack = await Stack.create({ IDEMPOTENCY_LEASE_MS: String(LEASE_MS) });
    await stack.startApi();
    world = await buildStackWorld(stack, {
      claim: '3BD',
      firstContact: '2BD',
      decision: '15BD',
      signing: '10BD',
      remindBefore: '1BD',
      levelTwoAfter: '2BD',
    });
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
    // The answer of the key is kept only after a long wait: the request has committed its need by then.
    await db.query(`CREATE TABLE stalls (key text PRIMARY KEY)`);
    await db.query(`CREATE FUNCTION stall_answer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.completed_at IS NOT NULL THEN
          DELETE FROM stalls WHERE key = NEW.key;
          IF FOUND THEN
            PERFORM pg_sleep(600);
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER stall_answer BEFORE UPDATE ON idempotency_keys
      FOR EACH ROW EXECUTE FUNCTION stall_answer()`);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stack.stop();
  });

  const need = {
    requestedAmount: '2500000.00',
    purpose: 'equipment_upgrade',
    term: 'medium_long',
    bottlenecks: ['collateral_shortage'],
  };

  const post = async (): Promise<{ status: number; replayed: string | null; body: Record<string, unknown> }> => {
    const response = await fetch(`${stack.baseUrl}/cases`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${world.officer}`,
        'content-type': 'application/json',
        'idempotency-key': KEY,
      },
      body: JSON.stringify({ ...need, visitId: world.visitId }),
    });
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };

  const stalledBackend = async (): Promise<number | undefined> => {
    const rows = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%idempotency_keys%'`,
    );
    return rows.rows[0]?.pid;
  };

  it('answers 409 while the lease holds, and after it lapses the need the first request committed, once', async () => {
    const intakeKey = createHash('sha256')
      .update(`user:${(await stack.http<{ id: string }>('GET', '/me', world.officer)).body.id}:${KEY}`)
      .digest('hex');
    await db.query(`INSERT INTO stalls (key) VALUES ($1)`, [KEY]);
    const first = post().catch((error: unknown) => error);
    const stalled = await eventually(stalledBackend, 20_000, 'the first request to commit and stall on its answer');
    const needs = async (): Promise<{ id: string }[]> =>
      (await db.query<{ id: string }>(`SELECT id FROM cases WHERE intake_key = $1`, [intakeKey])).rows;
    const committed = await needs();
    expect(committed).toHaveLength(1);

    // While the first request runs, a retry is told so.
    const early = await post();
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.body)).toContain('Idempotency-Key');

    // The API dies mid-request: its answer is never kept (its database session goes with it).
    await stack.stopApi('SIGKILL');
    expect(String(await first)).toMatch(/fetch failed/u);
    await db.query(`SELECT pg_terminate_backend($1)`, [stalled]);
    await eventually(async () => ((await stalledBackend()) === undefined ? true : undefined), 10_000, 'the backend');
    await db.query(`DROP TRIGGER stall_answer ON idempotency_keys`);
    const [key] = (
      await db.query<{ completed_at: Date | null; lease_expires_at: Date }>(
        `SELECT completed_at, lease_expires_at FROM idempotency_keys WHERE key = $1`,
        [KEY],
      )
    ).rows;
    expect(key?.completed_at).toBeNull();

    await stack.startApi();
    const retried = await eventually(
      async () => {
        const answer = await post();
        if (answer.status === 409) return undefined;
        return answer;
      },
      LEASE_MS + 20_000,
      'the lease to lapse',
    );
    // The retry ran again and found the need the first request had committed: the same answer, one need.
    expect(retried.status).toBe(201);
    expect(retried.replayed).toBeNull();
    expect(retried.body['id']).toBe(committed[0]?.id);
    expect(await needs()).toHaveLength(1);
    expect(Date.now()).toBeGreaterThanOrEqual(key?.lease_expires_at.getTime() ?? Infinity);

    // Its answer is kept now: the next retry is a replay.
    const again = await post();
    expect(again.status).toBe(201);
    expect(again.replayed).toBe('true');
    expect(again.body['id']).toBe(committed[0]?.id);
  }, 120_000);
});
