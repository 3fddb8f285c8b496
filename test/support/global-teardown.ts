import Redis from 'ioredis';
import { Client } from 'pg';
import { REDIS_URL, SERVER_URL, runId } from './environment';

/** Drops every database of this run and deletes its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const prefix = `unblock_t_${runId()}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${prefix}%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
