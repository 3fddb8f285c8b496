import { FaultWorld } from '../support/fault-world';
import { OwnRedisCluster } from '../support/redis-cluster';

/**
 * The queues on a Redis Cluster (REDIS_CLUSTER_NODES): 3 masters, each with a replica. The queues' prefix
 * carries a hash tag, so each queue's keys (and the sweeper's horizon key) share a slot. The fault tests hold
 * on it: the cluster flushed mid-run, and the master of the queues' slot killed and failed over.
 */
describe('the queues on a Redis Cluster', () => {
  let cluster: OwnRedisCluster;
  let faults: FaultWorld;
  let prefix: string;

  async function setUp(): Promise<void> {
    cluster = await OwnRedisCluster.start();
    faults = await FaultWorld.start({ REDIS_URL: cluster.url, REDIS_CLUSTER_NODES: cluster.nodeList });
    prefix = `{${faults.stack.env['QUEUE_PREFIX'] ?? ''}}`;
  }

  async function tearDown(): Promise<void> {
    await faults.stop();
    await cluster.stop();
  }

  describe('flushed mid-run', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('heals from Postgres: every missed deadline escalated once per level, nothing delivered twice', async () => {
      await faults.stack.startWorker();
      const ids = await faults.cases();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await cluster.flushAll();
      await faults.healed('cluster FLUSHALL', ['FLUSHALL on every master 1.5 s after the cases'], ids);
    }, 180_000);
  });

  describe('a master killed', () => {
    beforeAll(setUp, 120_000);
    afterAll(tearDown);

    it('fails over to its replica and loses nothing', async () => {
      await faults.stack.startWorker();
      await faults.stack.startWorker();
      const ids = await faults.cases();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const master = await cluster.masterOf(`${prefix}:sla:horizon`);
      await cluster.kill(master);
      await cluster.untilHealthy();
      const promoted = await cluster.masterOf(`${prefix}:sla:horizon`);
      expect(promoted).not.toBe(master);
      await faults.healed(
        'cluster failover',
        [
          `the master of the queues' slot (:${master}) SIGKILLed 1.5 s after the cases; its replica (:${promoted}) took over`,
        ],
        ids,
      );
    }, 180_000);
  });
});
