import { PasswordHasher, isCommonPassword } from '@unblock/identity';
import * as argon2 from 'argon2';
import { goodPassword, login, newAccount, type Account, type Session } from '../support/accounts';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

/** A user's own password, signing out, and the password policy. */
describe('POST /me/password, POST /auth/logout and the password policy', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
  });

  afterAll(async () => {
    await api.stop();
  });

  const officer = (): Promise<Account> =>
    newAccount(api, world.adminToken, {
      role: 'field_officer',
      organizationId: world.regulatorId,
      regionCode: '410100',
    });
  const change = (token: string, body: Record<string, unknown>) =>
    api.request('POST', '/api/v1/me/password', { token, body });
  const refresh = (refreshToken: string) =>
    api.request<Session>('POST', '/api/v1/auth/refresh', { body: { refreshToken } });

  it('changes the password: 204, other sessions end, this one goes on through its refresh token', async () => {
    const user = await officer();
    const other = await login(api, user.email, user.password);
    const newPassword = goodPassword();
    const answer = await change(user.session.accessToken, { currentPassword: user.password, newPassword });
    expect(answer.status).toBe(204);
    expect((await api.request('GET', '/api/v1/me', { token: user.session.accessToken })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/me', { token: other.accessToken })).status).toBe(401);
    expect((await refresh(other.refreshToken)).status).toBe(401);
    const renewed = await refresh(user.session.refreshToken);
    expect(renewed.status).toBe(200);
    expect((await api.request('GET', '/api/v1/me', { token: renewed.body.accessToken })).status).toBe(200);
    expect(
      (await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } }))
        .status,
    ).toBe(401);
    await login(api, user.email, newPassword);
  });

  it('a wrong current password is a 400 naming currentPassword, and changes nothing', async () => {
    const user = await officer();
    const before = await api.dataSource.query<unknown[]>('SELECT * FROM users WHERE id = $1', [user.id]);
    const answer = await change(user.session.accessToken, {
      currentPassword: 'not-my-password!',
      newPassword: goodPassword(),
    });
    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect(await api.dataSource.query<unknown[]>('SELECT * FROM users WHERE id = $1', [user.id])).toEqual(before);
    expect((await api.request('GET', '/api/v1/me', { token: user.session.accessToken })).status).toBe(200);
  });

  it.each([
    ['shorter than 12 characters', () => 'Short-pw-1', 'at least 12'],
    ['a common leaked password', () => 'qwerty123456', 'common'],
    ['containing the name of the email', (email: string) => `Xy-${email.split('@')[0]?.toUpperCase()}-2026`, 'email'],
    ['the current password again', (_email: string, current: string) => current, 'differ'],
  ])('refuses a new password %s (400 naming newPassword)', async (_why, make, says) => {
    const user = await officer();
    const newPassword = make(user.email, user.password);
    const answer = await change(user.session.accessToken, { currentPassword: user.password, newPassword });
    expect(answer.status).toBe(400);
    const errors = answer.body['errors'] as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['newPassword']);
    expect(errors[0]?.message).toContain(says);
    await login(api, user.email, user.password);
  });

  it('the list is a real one of common passwords', () => {
    expect(isCommonPassword('qwerty123456')).toBe(true);
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword(goodPassword())).toBe(false);
  });

  it.each([
    ['a common leaked password', () => 'qwerty123456'],
    ['one containing the email name', (email: string) => `${email.split('@')[0]}-Plus-2026`],
  ])('POST /users refuses %s (400 naming password, no user written)', async (_why, make) => {
    const email = `policy${Date.now()}@test.unblock`;
    const before = await api.counts(['users']);
    const answer = await api.request('POST', '/api/v1/users', {
      token: world.adminToken,
      body: {
        email,
        name: 'n',
        password: make(email),
        role: 'supervisor',
        organizationId: world.regulatorId,
        regionCode: '410000',
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(await api.counts(['users'])).toEqual(before);
  });

  it('logout revokes the session: 204, and its refresh token (and any successor) refreshes no more', async () => {
    const user = await officer();
    const rotated = await refresh(user.session.refreshToken);
    expect(
      (await api.request('POST', '/api/v1/auth/logout', { body: { refreshToken: rotated.body.refreshToken } })).status,
    ).toBe(204);
    expect((await refresh(rotated.body.refreshToken)).status).toBe(401);
    // Again, and for a token nobody has: nothing left to revoke, still 204.
    expect(
      (await api.request('POST', '/api/v1/auth/logout', { body: { refreshToken: rotated.body.refreshToken } })).status,
    ).toBe(204);
    const unknown = `00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`;
    expect((await api.request('POST', '/api/v1/auth/logout', { body: { refreshToken: unknown } })).status).toBe(204);
    // Another session of the user goes on.
    const other = await login(api, user.email, user.password);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('logout with the bearer access token alone revokes that session', async () => {
    const user = await officer();
    const other = await login(api, user.email, user.password);
    const answer = await api.request('POST', '/api/v1/auth/logout', { token: user.session.accessToken, body: {} });
    expect(answer.status).toBe(204);
    expect((await refresh(user.session.refreshToken)).status).toBe(401);
    expect((await refresh(other.refreshToken)).status).toBe(200);
    const forged = await api.request('POST', '/api/v1/auth/logout', { token: 'not-a-token', body: {} });
    expect(forged.status).toBe(401);
  });

  it('logout without a refresh token or a bearer is a 400 naming refreshToken', async () => {
    const answer = await api.request('POST', '/api/v1/auth/logout', { body: {} });
    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'refreshToken' })]));
  });

  it('rehashes at login a password hashed with older parameters', async () => {
    const user = await officer();
    const old = await argon2.hash(user.password, {
      type: argon2.argon2id,
      memoryCost: 4096,
      timeCost: 3,
      parallelism: 1,
    });
    await api.dataSource.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, old]);
    await login(api, user.email, user.password);
    const rows = await api.dataSource.query<{ password_hash: string }[]>(
      'SELECT password_hash FROM users WHERE id = $1',
      [user.id],
    );
    const rehashed = rows[0]?.password_hash ?? '';
    expect(rehashed).not.toBe(old);
    expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/u);
    expect(api.app.get(PasswordHasher).needsRehash(rehashed)).toBe(false);
    expect(api.app.get(PasswordHasher).needsRehash(old)).toBe(true);
    await login(api, user.email, user.password);
  });
});

describe('POST /me/password is throttled as logins are', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ LOGIN_THROTTLE_LIMIT: '3', LOGIN_THROTTLE_WINDOW_SECONDS: '60' });
  });

  afterAll(async () => {
    await api.stop();
  });

  it('answers 429 after the limit of attempts at the current password', async () => {
    const user = await api.userToken('admin');
    const statuses = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await api.request('POST', '/api/v1/me/password', {
        token: user.token,
        body: { currentPassword: `wrong-guess-${i}`, newPassword: goodPassword() },
      });
      statuses.push(answer.status);
    }
    // Every door that takes a password counts on the login's counters: the sign-in that gave this token was
    // the address's first attempt of the window, so two wrong guesses reach the limit of 3.
    expect(statuses).toEqual([400, 400, 429, 429, 429]);
  });
});
