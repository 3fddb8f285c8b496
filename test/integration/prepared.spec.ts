import { postgresErrorCode, queryPrepared } from '@unblock/database';
import { DataSource, QueryFailedError } from 'typeorm';
import { TestApi } from '../support/test-api';

describe('prepared statements (queryPrepared)', () => {
  let api: TestApi;
  /** One connection, so that what one statement prepared the next one finds. */
  let single: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    single = await new DataSource({ type: 'postgres', url: api.database.url, extra: { max: 1 } }).initialize();
    await api.dataSource.query(`CREATE TABLE prepared_probe (id int PRIMARY KEY, label text NOT NULL)`);
    await api.dataSource.query(`INSERT INTO prepared_probe VALUES (1, 'one'), (2, 'two')`);
  });

  afterAll(async () => {
    await single.destroy();
    await api.stop();
  });

  const byId = 'SELECT * FROM prepared_probe WHERE id = $1';

  it('prepares a statement once per connection and answers its rows each time', async () => {
    expect(await queryPrepared(single, byId, [1])).toEqual([{ id: 1, label: 'one' }]);
    expect(await queryPrepared(single, byId, [2])).toEqual([{ id: 2, label: 'two' }]);
    const prepared = await single.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`,
      [byId],
    );
    expect(prepared[0]?.n).toBe(1);
  });

  it('runs on the pool outside a transaction, many at once', async () => {
    const rows = await Promise.all(
      Array.from({ length: 40 }, (_, i) => queryPrepared<{ label: string }>(api.dataSource, byId, [(i % 2) + 1])),
    );
    expect(rows.map((r) => r[0]?.label)).toEqual(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'one' : 'two')));
  });

  it('prepares a statement again when a migration added a column under it', async () => {
    const all = 'SELECT * FROM prepared_probe ORDER BY id';
    expect(await queryPrepared(single, all, [])).toEqual([
      { id: 1, label: 'one' },
      { id: 2, label: 'two' },
    ]);
    await single.query(`ALTER TABLE prepared_probe ADD COLUMN note text NOT NULL DEFAULT 'n'`);
    try {
      // Run as prepared before, Postgres would refuse it: "cached plan must not change result type".
      await expect(single.query(`EXECUTE ${await preparedName(all)}`)).rejects.toThrow(/must not change result type/u);
      expect(await queryPrepared(single, all, [])).toEqual([
        { id: 1, label: 'one', note: 'n' },
        { id: 2, label: 'two', note: 'n' },
      ]);
    } finally {
      await single.query(`ALTER TABLE prepared_probe DROP COLUMN note`);
    }
  });

  /** The name under which the single connection prepared a statement. */
  async function preparedName(text: string): Promise<string> {
    const rows = await single.query<{ name: string }[]>(
      `SELECT name FROM pg_prepared_statements WHERE statement = $1`,
      [text],
    );
    return String(rows[0]?.name);
  }

  it("fails as TypeORM's query does, with the Postgres error code", async () => {
    const insert = 'INSERT INTO prepared_probe (id, label) VALUES ($1, $2)';
    const error: unknown = await queryPrepared(api.dataSource, insert, [1, 'again']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(postgresErrorCode(error)).toBe('23505');
    const rows = await api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM prepared_probe`);
    expect(rows[0]?.n).toBe(2);
  });
});
