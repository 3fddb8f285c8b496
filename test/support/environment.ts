/**
 * Where the tests find Postgres and Redis, and the names of this run's databases and Redis keys.
 * TEST_DATABASE_URL names the server (any database on it); TEST_REDIS_URL the Redis.
 */
export const SERVER_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters';

/** Set by the global setup; every database and Redis key of this run starts with it. */
export function runId(): string {
  const id = process.env['UNBLOCK_TEST_RUN'];
  if (id === undefined) throw new Error('UNBLOCK_TEST_RUN is not set: run the tests with jest (global setup)');
  return id;
}

export function templateDatabase(): string {
  return `unblock_t_${runId()}_template`;
}

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The fuzz test's seed: `FUZZ_SEED` when set (to run a failure again), else a new one each run. */
export function fuzzSeed(): number {
  const given = process.env['FUZZ_SEED'];
  if (given === undefined || given === '') return Math.floor(Math.random() * 0x7fffffff);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${given}`);
  return seed;
}
