import { TestApi } from '../support/test-api';

describe('Bull Board at /admin/queues', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<TestApi['userToken']>>;
  let supervisor: Awaited<ReturnType<TestApi['userToken']>>;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.userToken('admin');
    await api.request('POST', '/api/v1/regions', {
      token: admin.token,
      body: { code: '410000', name: '河南省' },
    });
    const regulator = await api.request('POST', '/api/v1/organizations', {
      token: admin.token,
      body: { kind: 'regulator', name: '监管局', regionCode: '410000' },
    });
    supervisor = await api.userToken('supervisor', {
      organizationId: String(regulator.body['id']),
      regionCode: '410000',
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  const basic = (email: string, password: string) => ({
    authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`,
  });

  it('asks for credentials', async () => {
    const response = await api.request('GET', '/admin/queues');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Basic realm="Unblock queues"/u);
  });

  it('refuses a wrong password, and a right one of an account that is not an admin', async () => {
    expect((await api.request('GET', '/admin/queues', { headers: basic(admin.email, 'wrong') })).status).toBe(401);
    const notAdmin = await api.request('GET', '/admin/queues', {
      headers: basic(supervisor.email, supervisor.password),
    });
    expect(notAdmin.status).toBe(401);
    expect((await api.request('GET', '/admin/queues', { headers: { authorization: 'Basic !!!' } })).status).toBe(401);
  });

  it('shows the board and every queue to an admin', async () => {
    const page = await api.request('GET', '/admin/queues', { headers: basic(admin.email, admin.password) });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toMatch(/text\/html/u);
    const queues = await api.request<{ queues: { name: string }[] }>('GET', '/admin/queues/api/queues', {
      headers: basic(admin.email, admin.password),
    });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q) => q.name).sort()).toEqual([
      'imports',
      'notifications',
      'reports',
      'sla',
      'system',
    ]);
  });
});
