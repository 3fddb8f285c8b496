import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Client } from 'pg';
import { ADMIN, Stack } from '../support/stack';

const PASSWORD = 'Two-processes-2026';

async function call(baseUrl: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/**
 * Two API processes on one database: a change made through B ends, on A, the sessions A issued, on the
 * very next request: A forgets the user's session version when Postgres notifies it of the change.
 */
describe('sessions end in every API process', () => {
  let stack: Stack;
  let b: { baseUrl: string; process: ChildProcessWithoutNullStreams } | undefined;
  let adminA: string;
  let adminB: string;
  let regulatorId: string;

  beforeAll(async () => {
    stack = await Stack.create();
    await stack.startApi();
    b = await stack.startAnotherApi();
    adminA = await stack.login(ADMIN.email, ADMIN.password);
    const loginB = await call(api().baseUrl, 'POST', '/auth/login', undefined, ADMIN);
    adminB = String(loginB.body['accessToken']);
    await stack.created('/regions', adminA, { code: '410000', name: '河南省' });
    await stack.created('/regions', adminA, { code: '410100', name: '郑州市', parentCode: '410000' });
    regulatorId = await stack.created('/organizations', adminA, {
      kind: 'regulator',
      name: '监管局',
      regionCode: '410000',
    });
  }, 120_000);

  afterAll(async () => {
    await stack.stop();
  });

  function api(): { baseUrl: string } {
    if (b === undefined) throw new Error('API B did not start');
    return b;
  }

  /** A supervisor, signed in on A, whose token A has just served (so A holds its session version). */
  async function supervisorOnA(): Promise<{ id: string; token: string }> {
    const email = `sup-${Date.now()}@test.unblock`;
    const id = await stack.created('/users', adminA, {
      email,
      name: '督导',
      password: PASSWORD,
      role: 'supervisor',
      organizationId: regulatorId,
      regionCode: '410000',
    });
    const token = await stack.login(email, PASSWORD);
    expect((await stack.http('GET', '/escalations', token)).status).toBe(200);
    return { id, token };
  }

  it('deactivated through B: the very next request to A is refused', async () => {
    const user = await supervisorOnA();
    expect((await call(api().baseUrl, 'PATCH', `/users/${user.id}`, adminB, { active: false })).status).toBe(200);
    const next = await stack.http('GET', '/escalations', user.token);
    expect(next.status).toBe(401);
  }, 30_000);

  it('a region changed through B: the very next request to A is refused', async () => {
    const user = await supervisorOnA();
    expect((await call(api().baseUrl, 'PATCH', `/users/${user.id}`, adminB, { name: '改名' })).status).toBe(200);
    // A new name ends no session.
    expect((await stack.http('GET', '/escalations', user.token)).status).toBe(200);
    expect((await call(api().baseUrl, 'PATCH', `/users/${user.id}`, adminB, { regionCode: '410100' })).status).toBe(
      200,
    );
    expect((await stack.http('GET', '/escalations', user.token)).status).toBe(401);
  }, 30_000);

  it('after A lost its listening connection, a change through B is still refused on A', async () => {
    const user = await supervisorOnA();
    const db = new Client({ connectionString: stack.env['DATABASE_URL'] });
    await db.connect();
    try {
      const ended = await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'unblock-api-sessions' AND datname = current_database()`,
      );
      expect(ended.rowCount).toBe(2);
    } finally {
      await db.end();
    }
    expect((await call(api().baseUrl, 'POST', `/users/${user.id}/reset-password`, adminB)).status).toBe(200);
    expect((await stack.http('GET', '/escalations', user.token)).status).toBe(401);
  }, 30_000);
});
