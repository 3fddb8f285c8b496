import { isValidUscc } from '@unblock/domain';
import { Client } from 'pg';
import { REDIS_URL, TEST_JWT_SECRET } from '../support/environment';
import { runEntryPoint } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** `npm run campaign:generate` at a small size: the same data from the same seed, consistent to the last row. */
describe('campaign generator', () => {
  let a: TestDatabase;
  let b: TestDatabase;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });

  afterAll(async () => {
    await Promise.all([a.drop(), b.drop()]);
  });

  const generate = (database: TestDatabase) =>
    runEntryPoint('apps/cli/src/main.ts', { DATABASE_URL: database.url, REDIS_URL, JWT_SECRET: TEST_JWT_SECRET }, [
      'generate-campaign',
      '--visits',
      '3000',
      '--enterprises',
      '300',
      '--cases',
      '400',
      '--seed',
      '7',
    ]);

  async function facts(database: TestDatabase): Promise<Record<string, unknown>> {
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const one = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows[0];
      const usccs = (await db.query<{ uscc: string }>('SELECT uscc FROM enterprises')).rows.map((r) => r.uscc);
      return {
        counts:
          await one(`SELECT (SELECT count(*) FROM visits)::int AS visits, (SELECT count(*) FROM enterprises)::int AS enterprises,
          (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM loan_contracts)::int AS loans`),
        validUscc: usccs.every(isValidUscc),
        signedMatchesLoans: await one(
          `SELECT (SELECT sum(signed_amount) FROM cases)::text = (SELECT sum(amount) FROM loan_contracts)::text AS equal`,
        ),
        visitRegionsMatch: await one(
          `SELECT count(*)::int AS mismatched FROM visits v JOIN enterprises e ON e.id = v.enterprise_id WHERE v.region_code <> e.region_code`,
        ),
        // The rollups were rebuilt after the copy: their totals are the base tables' totals.
        rollups: await one(
          `SELECT (SELECT sum(visits) FROM report_day_figures WHERE kind = 'r')::int = (SELECT count(*) FROM visits)::int AS visits,
                  (SELECT sum(signed_amount) FROM report_day_figures WHERE kind = 'c')::text = (SELECT sum(amount) FROM loan_contracts)::text AS signed,
                  (SELECT count(DISTINCT enterprise_id) FROM report_visit_presence)::int = (SELECT count(DISTINCT enterprise_id) FROM visits)::int AS presence,
                  (SELECT count(*) FROM report_dirty_days)::int AS stale`,
        ),
        digest: await one(
          `SELECT md5(string_agg(number || status || requested_amount::text, ',' ORDER BY number)) AS cases,
                  (SELECT md5(string_agg(uscc, ',' ORDER BY uscc)) FROM enterprises) AS enterprises FROM cases`,
        ),
      };
    } finally {
      await db.end();
    }
  }

  it('writes the sizes asked for, valid and consistent, and the same again from the same seed', async () => {
    const first = await generate(a);
    expect(first.stdout).toMatch(/generated in [\d.]+ s/u);
    expect(first.code).toBe(0);
    const second = await generate(b);
    expect(second.code).toBe(0);
    const factsA = await facts(a);
    expect(factsA).toMatchObject({
      counts: { visits: 3000, enterprises: 300, cases: 400 },
      validUscc: true,
      signedMatchesLoans: { equal: true },
      visitRegionsMatch: { mismatched: 0 },
      rollups: { visits: true, signed: true, presence: true, stale: 0 },
    });
    expect(first.stdout).toMatch(/report rollups rebuilt in [\d.]+ s/u);
    expect((factsA['counts'] as { loans: number }).loans).toBeGreaterThan(0);
    expect((await facts(b))['digest']).toEqual(factsA['digest']);
  }, 120_000);
});
