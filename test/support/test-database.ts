import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SERVER_URL, databaseUrl, runId, templateDatabase } from './environment';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A migrated database of the caller's own, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `unblock_t_${runId()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`);
        break;
      } catch (error: unknown) {
        // Another file copying the template at the same instant: wait and try again.
        if (attempt >= 20 || !/being accessed by other users/u.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      const client = new Client({ connectionString: SERVER_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
