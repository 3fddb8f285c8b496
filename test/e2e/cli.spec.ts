import { REDIS_URL, TEST_JWT_SECRET } from '../support/environment';
import { runEntryPoint } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { Client } from 'pg';

describe('operator commands (npm run cli, npm run demo)', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, REDIS_URL, JWT_SECRET: TEST_JWT_SECRET };
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  async function count(sql: string): Promise<number> {
    const { rows } = await db.query<Record<string, string>>(sql);
    return Number(Object.values(rows[0] ?? {})[0]);
  }

  it('migrate reports nothing pending on a migrated database', async () => {
    const result = await runEntryPoint('apps/cli/src/main.ts', env, ['migrate']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('migrations applied: none pending');
    expect(result.code).toBe(0);
  });

  it('create-admin creates an admin once, with an argon2id hash', async () => {
    const args = ['create-admin', '--email', 'Ops@Example.com', '--password', 'a-long-admin-password'];
    const first = await runEntryPoint('apps/cli/src/main.ts', env, args);
    expect(first.stdout).toMatch(/^created: admin Ops@Example.com/u);
    const second = await runEntryPoint('apps/cli/src/main.ts', env, args);
    expect(second.stdout).toMatch(/^exists already/u);
    const { rows } = await db.query<{ role: string; password_hash: string }>(
      `SELECT role, password_hash FROM users WHERE email = 'ops@example.com'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.role).toBe('admin');
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/u);
  });

  it('create-admin refuses a short password, naming it', async () => {
    const result = await runEntryPoint('apps/cli/src/main.ts', env, [
      'create-admin',
      '--email',
      'x@y.test',
      '--password',
      'short',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--password');
  });

  it.each([
    ['a common one', 'ops@y.test', 'qwerty123456'],
    ['one containing the email name', 'opsteam@y.test', 'OpsTeam-admin-2026'],
  ])('create-admin refuses a password that is %s, naming it', async (_why, email, password) => {
    const result = await runEntryPoint('apps/cli/src/main.ts', env, [
      'create-admin',
      '--email',
      email,
      '--password',
      password,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--password');
    expect(await count(`SELECT count(*) FROM users WHERE email LIKE '%@y.test'`)).toBe(0);
  });

  it('seed-demo seeds the demo city once: 12 chains with lead and deputy banks, ~60 enterprises, one of each role', async () => {
    const first = await runEntryPoint('apps/cli/src/main.ts', env, ['seed-demo']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('demo seeded');
    expect(first.stdout).toContain('manager@demo.unblock');
    expect(await count('SELECT count(*) FROM industrial_chains')).toBe(12);
    expect(
      await count(`SELECT count(*) FROM industrial_chains c JOIN organizations l ON l.id = c.lead_bank_id
        JOIN organizations d ON d.id = c.deputy_bank_id WHERE l.kind = 'bank' AND d.kind = 'bank' AND l.id <> d.id`),
    ).toBe(12);
    expect(await count('SELECT count(*) FROM enterprises')).toBe(60);
    expect(await count(`SELECT count(*) FROM enterprises WHERE chain_role = 'leader'`)).toBe(12);
    expect(await count('SELECT count(*) FROM campaigns')).toBe(1);
    // Every role, the tax bureau's partner officer included.
    expect(await count('SELECT count(DISTINCT role) FROM users')).toBe(5);

    const second = await runEntryPoint('apps/cli/src/main.ts', env, ['seed-demo']);
    expect(second.stdout).toContain('already seeded');
    expect(await count('SELECT count(*) FROM enterprises')).toBe(60);
    // The demo's campaign history: it plays once, with needs at every stage.
    expect(await count('SELECT count(*) FROM visits')).toBeGreaterThanOrEqual(300);
    // The stages of before, and a need in its second diagnosis (repairing).
    expect(await count('SELECT count(DISTINCT status) FROM cases')).toBe(6);
    // Loans maturing in the coming weeks (the maturity calendar), and one renewal applied for at its bank.
    expect(
      await count(`SELECT count(*) FROM loan_contracts WHERE maturity_date BETWEEN current_date AND current_date + 45`),
    ).toBeGreaterThanOrEqual(4);
    expect(
      await count(`SELECT count(*) FROM cases r JOIN loan_contracts l ON l.id = r.renewal_of_contract_id
        WHERE r.kind = 'renewal' AND r.status = 'assigned' AND r.assigned_bank_id = l.bank_id`),
    ).toBe(1);
    // The banks' balance reports: every enterprise, 15 month-ends, the rollup that the dashboard reads beside them.
    expect(await count('SELECT count(DISTINCT enterprise_id) FROM loan_balances')).toBe(60);
    expect(await count('SELECT count(DISTINCT month) FROM loan_balances')).toBe(15);
    expect(await count(`SELECT count(DISTINCT month) FROM report_balance_months WHERE dimension = 'role'`)).toBe(15);
    // Two runs, each booting the CLI under ts-node, the first playing the campaign's history.
  }, 180_000);
});
