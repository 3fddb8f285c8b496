import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** ioredis options from a redis:// or rediss:// URL. */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's workers block on Redis; they must not give up on a command while Redis restarts.
    maxRetriesPerRequest: null,
  };
}

/** Where Redis is: one server (`REDIS_URL`), or a cluster's nodes (`REDIS_CLUSTER_NODES`). */
export interface RedisTarget {
  readonly redisUrl: string;
  readonly redisClusterNodes: readonly { readonly host: string; readonly port: number }[] | null;
}

/**
 * A connection of the caller's own (who closes it): to the one Redis, or to the cluster, whose nodes take
 * the URL's credentials and TLS, and the options given.
 */
export function redisClient(target: RedisTarget, options: RedisOptions = {}): Redis | Cluster {
  const base = { ...redisOptions(target.redisUrl), ...options };
  if (target.redisClusterNodes === null) return new Redis(base);
  // Each node's address is its own, and a cluster has one database.
  const nodeOptions: RedisOptions = { ...base };
  delete nodeOptions.host;
  delete nodeOptions.port;
  delete nodeOptions.db;
  return new Cluster(
    target.redisClusterNodes.map((node) => ({ ...node })),
    {
      redisOptions: nodeOptions,
      lazyConnect: options.lazyConnect ?? false,
      // No CLUSTER INFO check before "ready": when it fails (a failover under way), ioredis reconnects on its own
      // but never settles the promise of the connect() that checked, and a BullMQ worker that reconnects its
      // blocking connection after a failover awaits that promise for ever (its queue stops). Commands sent while
      // the cluster is down get CLUSTERDOWN, which ioredis retries (`retryDelayOnClusterDown`).
      enableReadyCheck: false,
      // Moved slots and a failover: ask again, as a worker waits for a restarting Redis.
      maxRedirections: 32,
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 300,
      clusterRetryStrategy: (times: number) => Math.min(2000, 100 * times),
    },
  );
}

/**
 * BullMQ's connection: options when Redis is one server (BullMQ makes and closes its connections), or a
 * cluster connection, which BullMQ shares (and duplicates for its blocking reads), to be closed by the caller.
 */
export function queueConnection(target: RedisTarget, options: RedisOptions = {}): RedisOptions | Cluster {
  if (target.redisClusterNodes === null) return { ...redisOptions(target.redisUrl), ...options };
  return redisClient(target, options) as Cluster;
}
