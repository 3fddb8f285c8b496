import { TestApi } from '../support/test-api';
import { badTokens } from '../support/tokens';

interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; role: string };
}

describe('authentication', () => {
  let api: TestApi;
  let admin: { token: string; userId: string; email: string; password: string };

  beforeAll(async () => {
    api = await TestApi.start({
      ADMIN_EMAIL: 'Boot.Admin@Example.com',
      ADMIN_PASSWORD: 'boot-admin-password',
    });
    admin = await api.userToken('admin');
  });

  afterAll(async () => {
    await api.stop();
  });

  it('creates the ADMIN_EMAIL admin at boot, who can log in (email case-insensitive)', async () => {
    const login = await api.request<Session>('POST', '/api/v1/auth/login', {
      body: { email: 'boot.admin@example.com', password: 'boot-admin-password' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: 'boot.admin@example.com', role: 'admin' });
  });

  it('logs in with email and password: an access token, a refresh token and the user', async () => {
    const login = await api.request<Session>('POST', '/api/v1/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    expect(login.status).toBe(200);
    expect(login.body.accessToken.split('.')).toHaveLength(3);
    expect(login.body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/u);
    expect(login.body.expiresIn).toBe(900);
    expect(login.body.user).toMatchObject({ id: admin.userId, email: admin.email, role: 'admin' });
    expect(login.body.user).not.toHaveProperty('passwordHash');
    const header = JSON.parse(Buffer.from(login.body.accessToken.split('.')[0] ?? '', 'base64url').toString()) as {
      alg: string;
    };
    expect(header.alg).toBe('HS256');
  });

  it('stores passwords as argon2id hashes', async () => {
    const rows = await api.dataSource.query<{ password_hash: string }[]>(
      'SELECT password_hash FROM users WHERE id = $1',
      [admin.userId],
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$/u);
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    const wrong = await api.request('POST', '/api/v1/auth/login', {
      body: { email: admin.email, password: 'not-the-password' },
    });
    const unknown = await api.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@test.unblock', password: 'whatever-password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body['detail']).toBe(unknown.body['detail']);
  });

  it('answers 400 naming the field for bad login input, and writes nothing', async () => {
    const before = await api.counts(['refresh_tokens', 'audit_records']);
    const cases: [unknown, string][] = [
      [{ password: 'x' }, 'email'],
      [{ email: 'not-an-email', password: 'x' }, 'email'],
      [{ email: admin.email }, 'password'],
      [{ email: admin.email, password: 12345 }, 'password'],
      [{ email: admin.email, password: 'x', extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await api.request('POST', '/api/v1/auth/login', { body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    const malformed = await api.request('POST', '/api/v1/auth/login', { raw: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body['errors']).toEqual([expect.objectContaining({ field: 'body' })]);
    expect(await api.counts(['refresh_tokens', 'audit_records'])).toEqual(before);
  });

  it('rotates the refresh token; replaying a used one revokes the whole family', async () => {
    const login = await api.request<Session>('POST', '/api/v1/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    const first = login.body.refreshToken;
    const rotated = await api.request<Session>('POST', '/api/v1/auth/refresh', { body: { refreshToken: first } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first);
    const me = await api.request('GET', '/api/v1/me', { token: rotated.body.accessToken });
    expect(me.status).toBe(200);

    const replay = await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: first } });
    expect(replay.status).toBe(401);
    expect(String(replay.body['detail'])).toMatch(/already used/u);
    // The successor, never used, is revoked with its family.
    const successor = await api.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: rotated.body.refreshToken },
    });
    expect(successor.status).toBe(401);
    // Another session of the same user is untouched.
    const other = await api.request<Session>('POST', '/api/v1/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    const otherRotated = await api.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: other.body.refreshToken },
    });
    expect(otherRotated.status).toBe(200);
  });

  it('refuses refresh tokens that are malformed or forged', async () => {
    const login = await api.request<Session>('POST', '/api/v1/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    const [id] = login.body.refreshToken.split('.');
    const forged = await api.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: `${id}.${'A'.repeat(43)}` },
    });
    expect(forged.status).toBe(401);
    const malformed = await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: 'nope' } });
    expect(malformed.status).toBe(401);
    const missing = await api.request('POST', '/api/v1/auth/refresh', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body['errors']).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'refreshToken' })]),
    );
  });

  it('GET /me answers the authenticated user', async () => {
    const me = await api.request('GET', '/api/v1/me', { token: admin.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: admin.userId, role: 'admin', email: admin.email });
  });

  it.each(Object.keys(badTokens('00000000-0000-4000-8000-000000000000')))(
    'GET /me answers 401 for a token that is %s',
    async (kind) => {
      const token = badTokens(admin.userId)[kind];
      const response = await api.request('GET', '/api/v1/me', { token });
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/u);
    },
  );

  it('GET /me answers 401 without a token', async () => {
    const response = await api.request('GET', '/api/v1/me');
    expect(response.status).toBe(401);
  });
});

describe('login throttling', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ LOGIN_THROTTLE_LIMIT: '3', LOGIN_THROTTLE_WINDOW_SECONDS: '60' });
  });

  afterAll(async () => {
    await api.stop();
  });

  async function attempt(email: string, address: string): Promise<number> {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: address,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password: 'wrong-password' }),
    });
    return response.statusCode;
  }

  it('throttles one account tried from many addresses', async () => {
    const statuses = [];
    for (let i = 1; i <= 5; i += 1) statuses.push(await attempt('victim@test.unblock', `10.0.0.${i}`));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('throttles one address trying many accounts', async () => {
    const statuses = [];
    for (let i = 1; i <= 5; i += 1) statuses.push(await attempt(`guess${i}@test.unblock`, '10.9.9.9'));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
