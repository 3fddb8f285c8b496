import { UpdateUserUseCase } from '@unblock/identity';
import { newAccount, login, type Account, type Session } from '../support/accounts';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

const PROBLEM = /^application\/problem\+json/u;

/** Admins govern accounts: a change that matters ends the user's sessions on the very next request. */
describe('PATCH /users/:id and POST /users/:id/reset-password', () => {
  let api: TestApi;
  let world: World;
  let admin: { token: string; userId: string };

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    admin = await api.userToken('admin');
  });

  afterAll(async () => {
    await api.stop();
  });

  const patch = (id: string, body: Record<string, unknown>, token = admin.token) =>
    api.request('PATCH', `/api/v1/users/${id}`, { token, body });

  async function officer(): Promise<Account> {
    return newAccount(api, admin.token, {
      role: 'field_officer',
      organizationId: world.regulatorId,
      regionCode: '410100',
    });
  }

  /** The user's token is served (and now cached as current in this process). */
  async function servedNow(session: Session): Promise<void> {
    expect((await api.request('GET', '/api/v1/regions', { token: session.accessToken })).status).toBe(200);
  }

  /** The old access token is refused with a 401 problem, and the old refresh token no longer refreshes. */
  async function sessionEnded(session: Session): Promise<void> {
    const next = await api.request('GET', '/api/v1/regions', { token: session.accessToken });
    expect(next.status).toBe(401);
    expect(next.headers['content-type']).toMatch(PROBLEM);
    const refresh = await api.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(refresh.status).toBe(401);
  }

  it('deactivation refuses the next request, the refresh and the login; reactivation lets the user in again', async () => {
    const user = await officer();
    await servedNow(user.session);
    const answer = await patch(user.id, { active: false });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: user.id, active: false });
    await sessionEnded(user.session);
    const refused = await api.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(refused.status).toBe(401);
    expect((await patch(user.id, { active: true })).status).toBe(200);
    await servedNow(await login(api, user.email, user.password));
  });

  it('a role change ends the sessions; the next login carries the new role', async () => {
    const user = await officer();
    await servedNow(user.session);
    const answer = await patch(user.id, { role: 'supervisor' });
    expect(answer.body).toMatchObject({ role: 'supervisor', organizationId: world.regulatorId });
    await sessionEnded(user.session);
    const again = await login(api, user.email, user.password);
    expect(again.user.role).toBe('supervisor');
    expect((await api.request('GET', '/api/v1/escalations', { token: again.accessToken })).status).toBe(200);
  });

  it('an organization change ends the sessions', async () => {
    const user = await newAccount(api, admin.token, {
      role: 'bank_manager',
      organizationId: world.henanBankId,
      regionCode: '410100',
    });
    await servedNow(user.session);
    expect((await patch(user.id, { organizationId: world.henanBank2Id })).body).toMatchObject({
      organizationId: world.henanBank2Id,
    });
    await sessionEnded(user.session);
    expect((await login(api, user.email, user.password)).user.organizationId).toBe(world.henanBank2Id);
  });

  it('a region change ends the sessions', async () => {
    const user = await officer();
    await servedNow(user.session);
    expect((await patch(user.id, { regionCode: '410000' })).body).toMatchObject({ regionCode: '410000' });
    await sessionEnded(user.session);
    expect((await login(api, user.email, user.password)).user.regionCode).toBe('410000');
  });

  it('a new name alone, or the same values again, ends no session', async () => {
    const user = await officer();
    await servedNow(user.session);
    expect((await patch(user.id, { name: '新名字' })).body).toMatchObject({ name: '新名字' });
    expect((await patch(user.id, { role: 'field_officer', regionCode: '410100', active: true })).status).toBe(200);
    await servedNow(user.session);
  });

  it.each([
    ['a bank manager of a regulator', { role: 'bank_manager' }, 'role'],
    [
      'an organization that does not exist',
      { organizationId: '00000000-0000-4000-8000-000000000000' },
      'organizationId',
    ],
    ['no organization for an officer', { organizationId: null }, 'organizationId'],
    ['a region that does not exist', { regionCode: '530000' }, 'regionCode'],
    ['no region for an officer', { regionCode: null }, 'regionCode'],
    ['a malformed region code', { regionCode: '41' }, 'regionCode'],
    ['an unknown role', { role: 'root' }, 'role'],
    ['active that is not a boolean', { active: 'no' }, 'active'],
    ['an unknown field', { email: 'x@y.test' }, 'email'],
  ])('refuses %s with a 400 naming the field, changes nothing and ends no session', async (_why, body, field) => {
    const user = await officer();
    await servedNow(user.session);
    const before = await api.dataSource.query<unknown[]>('SELECT * FROM users WHERE id = $1', [user.id]);
    const answer = await patch(user.id, body);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(PROBLEM);
    expect(answer.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await api.dataSource.query<unknown[]>('SELECT * FROM users WHERE id = $1', [user.id])).toEqual(before);
    await servedNow(user.session);
  });

  it('answers 404 for a user that does not exist and 400 for an id that is not a uuid', async () => {
    expect((await patch('00000000-0000-4000-8000-000000000000', { name: 'x' })).status).toBe(404);
    expect((await patch('nope', { name: 'x' })).status).toBe(400);
    const reset = await api.request('POST', '/api/v1/users/00000000-0000-4000-8000-000000000000/reset-password', {
      token: admin.token,
    });
    expect(reset.status).toBe(404);
  });

  it('an admin can neither deactivate nor demote themself (400 naming the field)', async () => {
    const me = await api.userToken('admin');
    const deactivate = await patch(me.userId, { active: false }, me.token);
    expect(deactivate.status).toBe(400);
    expect(deactivate.body['errors']).toEqual([expect.objectContaining({ field: 'active' })]);
    const demote = await patch(
      me.userId,
      { role: 'supervisor', organizationId: world.regulatorId, regionCode: '410000' },
      me.token,
    );
    expect(demote.status).toBe(400);
    expect(demote.body['errors']).toEqual([expect.objectContaining({ field: 'role' })]);
    expect((await api.request('GET', '/api/v1/regions', { token: me.token })).status).toBe(200);
  });

  it('an admin demotes another admin (who then needs an organization and a region)', async () => {
    const other = await api.userToken('admin');
    const bare = await patch(other.userId, { role: 'supervisor' });
    expect(bare.status).toBe(400);
    expect(bare.body['errors']).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    const demoted = await patch(other.userId, {
      role: 'supervisor',
      organizationId: world.regulatorId,
      regionCode: '410000',
    });
    expect(demoted.status).toBe(200);
    expect((await api.request('GET', '/api/v1/regions', { token: other.token })).status).toBe(401);
  });

  it('reset: a one-time password that works once, must be changed, and ends every session', async () => {
    const user = await officer();
    await servedNow(user.session);
    const reset = await api.request<{ oneTimePassword: string }>('POST', `/api/v1/users/${user.id}/reset-password`, {
      token: admin.token,
    });
    expect(reset.status).toBe(200);
    const oneTime = reset.body.oneTimePassword;
    expect(oneTime).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/u);
    await sessionEnded(user.session);
    const old = await api.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(old.status).toBe(401);

    const signedIn = await login(api, user.email, oneTime);
    expect(signedIn.mustChangePassword).toBe(true);
    const blocked = await api.request('GET', '/api/v1/regions', { token: signedIn.accessToken });
    expect(blocked.status).toBe(403);
    expect(blocked.body['type']).toBe('https://unblock.example/problems/password-change-required');
    expect((await api.request('GET', '/api/v1/cases', { token: signedIn.accessToken })).status).toBe(403);
    expect((await api.request('GET', '/api/v1/me', { token: signedIn.accessToken })).status).toBe(200);

    const newPassword = `Own-${user.password}`;
    const changed = await api.request('POST', '/api/v1/me/password', {
      token: signedIn.accessToken,
      body: { currentPassword: oneTime, newPassword },
    });
    expect(changed.status).toBe(204);
    // The one-time session goes on, through its refresh token, without the flag.
    expect((await api.request('GET', '/api/v1/regions', { token: signedIn.accessToken })).status).toBe(401);
    const refreshed = await api.request<Session>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: signedIn.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.mustChangePassword).toBe(false);
    await servedNow(refreshed.body);
    // The one-time password worked once.
    const twice = await api.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: oneTime } });
    expect(twice.status).toBe(401);
    expect((await login(api, user.email, newPassword)).mustChangePassword).toBe(false);
  });

  it('keeps no one-time password, nor a hash of a password, for an Idempotency-Key', async () => {
    const user = await officer();
    const before = await api.counts(['idempotency_keys']);
    const headers = { 'idempotency-key': `reset-${user.id}` };
    const first = await api.request<{ oneTimePassword: string }>('POST', `/api/v1/users/${user.id}/reset-password`, {
      token: admin.token,
      headers,
    });
    const again = await api.request<{ oneTimePassword: string }>('POST', `/api/v1/users/${user.id}/reset-password`, {
      token: admin.token,
      headers,
    });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.oneTimePassword).not.toBe(first.body.oneTimePassword);
    const signedIn = await login(api, user.email, again.body.oneTimePassword);
    const changed = await api.request('POST', '/api/v1/me/password', {
      token: signedIn.accessToken,
      headers: { 'idempotency-key': `change-${user.id}` },
      body: { currentPassword: again.body.oneTimePassword, newPassword: `Own-${user.password}` },
    });
    expect(changed.status).toBe(204);
    expect(await api.counts(['idempotency_keys'])).toEqual(before);
  });

  it('each write is audited', async () => {
    const user = await officer();
    await patch(user.id, { name: '审计' });
    await api.request('POST', `/api/v1/users/${user.id}/reset-password`, { token: admin.token });
    const rows = await api.dataSource.query<{ action: string; actor_user_id: string }[]>(
      'SELECT action, actor_user_id FROM audit_records WHERE entity_id = $1 ORDER BY at',
      [user.id],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'PATCH /api/v1/users/:id', actor_user_id: admin.userId },
        { action: 'POST /api/v1/users/:id/reset-password', actor_user_id: admin.userId },
      ]),
    );
  });

  it('keeps the last active admin (409 naming the field), whoever asks', async () => {
    const last = await api.userToken('admin');
    await api.dataSource.query(`UPDATE users SET active = false WHERE role = 'admin' AND id <> $1`, [last.userId]);
    const updateUser = api.app.get(UpdateUserUseCase);
    const someoneElse = '00000000-0000-4000-8000-000000000000';
    await expect(
      updateUser.execute({ id: last.userId, actorUserId: someoneElse, active: false }),
    ).rejects.toMatchObject({
      code: 'conflict',
      errors: [expect.objectContaining({ field: 'active' })],
    });
    await expect(
      updateUser.execute({
        id: last.userId,
        actorUserId: someoneElse,
        role: 'supervisor',
        organizationId: world.regulatorId,
        regionCode: '410000',
      }),
    ).rejects.toMatchObject({ code: 'conflict', errors: [expect.objectContaining({ field: 'role' })] });
    expect((await api.request('GET', '/api/v1/regions', { token: last.token })).status).toBe(200);
  });
});
