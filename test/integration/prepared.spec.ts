import { PreparedStatements, postgresErrorCode } from '@unblock/database';
import { DataSource, QueryFailedError } from 'typeorm';
import { TestApi } from '../support/test-api';

describe('prepared statements (PreparedStatements)', () => {
  let api: TestApi;
  /** Statements of a data source of one connection, so that what one prepared the next one finds. */
  let single: DataSource;
  let prepared: PreparedStatements;

  beforeAll(async () => {
    api = await TestApi.start();
    await api.dataSource.query(`CREATE TABLE prepared_probe (id int PRIMARY KEY, label text NOT NULL)`);
    await api.dataSource.query(`INSERT INTO prepared_probe VALUES (1, 'one'), (2, 'two')`);
    single = await new DataSource({ type: 'postgres', url: api.database.url, extra: { max: 1 } }).initialize();
    prepared = new PreparedStatements(single);
  });

  afterAll(async () => {
    await prepared.onApplicationShutdown();
    await single.destroy();
    await api.stop();
  });

  const byId = 'SELECT * FROM prepared_probe WHERE id = $1';

  /** What the one connection of `prepared` holds of a statement. */
  async function held(text: string): Promise<{ name: string; generic_plans: string; custom_plans: string }[]> {
    const result = await prepared
      .pool()
      .query<{ name: string; generic_plans: string; custom_plans: string }>(
        `SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1`,
        [text],
      );
    return result.rows;
  }

  it('prepares a statement once per connection, plans it generically, and answers its rows each time', async () => {
    expect(await prepared.query(byId, [1])).toEqual([{ id: 1, label: 'one' }]);
    expect(await prepared.query(byId, [2])).toEqual([{ id: 2, label: 'two' }]);
    expect(await prepared.query(byId, [3])).toEqual([]);
    const statements = await held(byId);
    expect(statements).toHaveLength(1);
    // Never planned for its values: the one generic plan every time.
    expect(statements[0]).toMatchObject({ generic_plans: '3', custom_plans: '0' });
  });

  it("runs many at once on the application's pool", async () => {
    const statements = api.app.get(PreparedStatements);
    const rows = await Promise.all(
      Array.from({ length: 40 }, (_, i) => statements.query<{ label: string }>(byId, [(i % 2) + 1])),
    );
    expect(rows.map((r) => r[0]?.label)).toEqual(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'one' : 'two')));
  });

  it('prepares a statement again when a migration added a column under it', async () => {
    const all = 'SELECT * FROM prepared_probe ORDER BY id';
    expect(await prepared.query(all, [])).toEqual([
      { id: 1, label: 'one' },
      { id: 2, label: 'two' },
    ]);
    await single.query(`ALTER TABLE prepared_probe ADD COLUMN note text NOT NULL DEFAULT 'n'`);
    try {
      // Run as prepared before, Postgres refuses it: "cached plan must not change result type".
      const name = (await held(all))[0]?.name ?? '';
      await expect(prepared.pool().query(`EXECUTE ${name}`)).rejects.toThrow(/must not change result type/u);
      expect(await prepared.query(all, [])).toEqual([
        { id: 1, label: 'one', note: 'n' },
        { id: 2, label: 'two', note: 'n' },
      ]);
    } finally {
      await single.query(`ALTER TABLE prepared_probe DROP COLUMN note`);
    }
  });

  it("fails as TypeORM's query does, with the Postgres error code", async () => {
    const insert = 'INSERT INTO prepared_probe (id, label) VALUES ($1, $2)';
    const error: unknown = await prepared.query(insert, [1, 'again']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(postgresErrorCode(error)).toBe('23505');
    const rows = await api.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM prepared_probe`);
    expect(rows[0]?.n).toBe(2);
  });
});
