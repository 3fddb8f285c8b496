import { dataSourceOptions, inTransaction } from '@unblock/database';
import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('transactions', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(database.url, 4, 'unblock-test'), logging: false });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await dataSource.query('INSERT INTO counters VALUES (1, 0)');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('retries a real serialization failure until the work commits', async () => {
    // Two serializable read-modify-write transactions on one row: Postgres aborts one with 40001.
    let attempts = 0;
    const increment = () =>
      inTransaction(
        dataSource,
        async (manager) => {
          attempts += 1;
          await manager.query('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE');
          const rows = await manager.query<{ n: number }[]>('SELECT n FROM counters WHERE id = 1');
          await new Promise((resolve) => setTimeout(resolve, 50));
          await manager.query('UPDATE counters SET n = $1 WHERE id = 1', [(rows[0]?.n ?? 0) + 1]);
        },
        5,
      );
    await Promise.all([increment(), increment()]);
    const rows = await dataSource.query<{ n: number }[]>('SELECT n FROM counters WHERE id = 1');
    expect(rows[0]?.n).toBe(2);
    expect(attempts).toBeGreaterThan(2);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await expect(
      inTransaction(dataSource, async (manager) => {
        attempts += 1;
        await manager.query('INSERT INTO counters VALUES (1, 0)');
      }),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(attempts).toBe(1);
  });
});
