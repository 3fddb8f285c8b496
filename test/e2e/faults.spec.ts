import { FaultWorld, figures } from '../support/fault-world';
import { OwnRedis } from '../support/redis-server';

describe('fault tolerance: Redis may lose everything, processes may die', () => {
  let redis: OwnRedis;
  let faults: FaultWorld;

  async function setUp(): Promise<void> {
    redis = await OwnRedis.start();
    faults = await FaultWorld.start({ REDIS_URL: redis.url });
  }

  async function tearDown(): Promise<void> {
    await faults.stop();
    await redis.stop();
  }

  describe('(a) FLUSHALL mid-run', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('heals from Postgres: every missed deadline escalated once per level, nothing delivered twice', async () => {
      await faults.stack.startWorker();
      const ids = await faults.cases();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await redis.flushAll();
      await faults.healed('(a) FLUSHALL', ['FLUSHALL 1.5 s after the cases, with their deadlines queued'], ids);
    }, 180_000);
  });

  describe('(a) Redis killed and restarted empty mid-run', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('heals from Postgres once Redis is back', async () => {
      await faults.stack.startWorker();
      const ids = await faults.cases();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await redis.kill();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await redis.launch();
      await faults.healed(
        '(a) restart',
        ['redis-server SIGKILLed 1.5 s after the cases, restarted empty 3 s later'],
        ids,
      );
    }, 180_000);
  });

  describe('(b) a worker SIGKILLed inside its handlers', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('loses nothing: the other worker and the sweeper finish the work', async () => {
      const doomed = await faults.stack.startWorker();
      await faults.stack.startWorker();
      const ids = await faults.cases();
      // The first claim deadlines all fall due about 4 s after the cases: kill one worker as they run.
      await new Promise((resolve) => setTimeout(resolve, 4100));
      await faults.stack.stopWorker(doomed, 'SIGKILL');
      await faults.healed('(b)', ['one of two workers SIGKILLed while the first deadlines ran'], ids);
    }, 180_000);
  });

  describe('(c) the API killed between its commits and the relay', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('relays what the API committed once a worker runs', async () => {
      const ids = await faults.cases();
      const before = await figures(faults.stack.database.url);
      expect(before.backlog).toBeGreaterThan(0);
      await faults.stack.stopApi('SIGKILL');
      await faults.stack.startWorker();
      await faults.stack.startApi();
      await faults.healed(
        '(c)',
        [`API SIGKILLed with ${before.backlog} outbox messages unrelayed (no worker running)`],
        ids,
      );
    }, 180_000);
  });
});
