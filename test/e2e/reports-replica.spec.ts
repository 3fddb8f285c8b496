import { PrimaryAndReplica } from '../support/postgres-replica';
import { runEntryPoint } from '../support/processes';
import { Stack } from '../support/stack';
import { buildStackWorld, newCase, type StackWorld } from '../support/stack-world';

const DATABASE = 'unblock';

/**
 * Reports and exports read from a streaming replica (REPORTS_DATABASE_URL), started by the test with
 * `pg_basebackup`. A supervisor who has just acted sees it: the report waits for the replica to replay what
 * was committed before it was asked, or, when the replica is behind, is read from the primary, and says so.
 */
describe('reports from a read replica', () => {
  let servers: PrimaryAndReplica;
  let stack: Stack;
  let world: StackWorld;

  beforeAll(async () => {
    servers = await PrimaryAndReplica.start(DATABASE);
    stack = await Stack.create({
      DATABASE_URL: servers.primary.url(DATABASE),
      REPORTS_DATABASE_URL: servers.replica.url(DATABASE),
    });
    const migrated = await runEntryPoint('apps/cli/src/main.ts', stack.env, ['migrate']);
    expect(migrated.code).toBe(0);
    await stack.startApi();
    world = await buildStackWorld(stack, {
      claim: '3BD',
      firstContact: '2BD',
      decision: '15BD',
      signing: '10BD',
      remindBefore: '1BD',
      levelTwoAfter: '2BD',
    });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await servers?.stop();
  });

  const summary = async (
    accept = 'application/json',
  ): Promise<{ from: string | null; needs: number; body: string }> => {
    const response = await fetch(`${stack.baseUrl}/reports/summary?campaignId=${world.campaignId}`, {
      headers: { authorization: `Bearer ${world.supervisor}`, accept },
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    return {
      from: response.headers.get('reports-read-from'),
      needs:
        accept === 'application/json' ? Number((JSON.parse(body) as { needsDiagnosed: number }).needsDiagnosed) : 0,
      body,
    };
  };

  it('reads from the replica once it has replayed what the reader did', async () => {
    await newCase(stack, world);
    const report = await summary();
    expect(report).toMatchObject({ from: 'replica', needs: 1 });
    // The replica is a standby: nothing could have been written there.
    const [standby] = await servers.replica.query<{ standby: boolean }>(
      DATABASE,
      'SELECT pg_is_in_recovery() AS standby',
    );
    expect(standby?.standby).toBe(true);
    const csv = await summary('text/csv');
    expect(csv.from).toBe('replica');
  });

  it('reads from the primary when the replica is behind, and says so; from the replica again once it caught up', async () => {
    await servers.replay(false);
    try {
      await newCase(stack, world);
      const behind = await summary();
      expect(behind).toMatchObject({ from: 'primary', needs: 2 });
      // The replica has not seen the second need.
      const [onReplica] = await servers.replica.query<{ n: number }>(DATABASE, 'SELECT count(*)::int AS n FROM cases');
      expect(onReplica?.n).toBe(1);
    } finally {
      await servers.replay(true);
    }
    const caughtUp = await summary();
    expect(caughtUp).toMatchObject({ from: 'replica', needs: 2 });
  });
});
