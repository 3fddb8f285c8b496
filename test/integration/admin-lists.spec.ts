import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

interface Listed {
  items: { id: string; name: string }[];
  nextCursor: string | null;
  total?: number;
}

/** The admin's lists: search, filters, a count with the first page, and refused bad input. */
describe('admin lists', () => {
  let api: TestApi;
  let world: World;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    admin = world.adminToken;
  });

  afterAll(async () => {
    await api.stop();
  });

  const list = (url: string) => api.request<Listed>('GET', url, { token: admin });

  it('searches each kind by part of its name, and counts the matches with the first page', async () => {
    const banks = await list(`/api/v1/organizations?kind=bank&count=true&q=${encodeURIComponent('郑州')}`);
    expect(banks.status).toBe(200);
    expect(banks.body.items.map((o) => o.name)).toEqual(['郑州银行']);
    expect(banks.body.total).toBe(1);

    const chains = await list(`/api/v1/industrial-chains?q=${encodeURIComponent('  ')}`);
    expect(chains.status).toBe(400);
    expect(JSON.stringify(chains.body)).toContain('q');

    const campaigns = await list(`/api/v1/campaigns?q=${encodeURIComponent('湖北')}`);
    expect(campaigns.body.items.map((c) => c.id)).toEqual([world.hubeiCampaignId]);

    const policies = await list(`/api/v1/sla-policies?count=true&q=${encodeURIComponent('%')}`);
    expect(policies.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('finds an enterprise by part of its credit code', async () => {
    const all = await api.request<{ items: { id: string; uscc: string }[] }>(
      'GET',
      `/api/v1/enterprises?q=${encodeURIComponent('91110000600037341')}`,
      { token: admin },
    );
    expect(all.body.items.map((e) => e.uscc)).toEqual(['91110000600037341L']);
  });

  it('answers the enterprises of a list in one request, by ids, and no others', async () => {
    type Named = { items: { id: string; name: string }[] };
    const both = `ids=${world.henanEnterpriseId},${world.hubeiEnterpriseId}`;
    const asAdmin = await api.request<Named>('GET', `/api/v1/enterprises?${both}&limit=100`, { token: admin });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.items.map((e) => e.id).sort()).toEqual(
      [world.henanEnterpriseId, world.hubeiEnterpriseId].sort(),
    );
    // Repeated, as a generated client sends an array.
    const repeated = await api.request<Named>(
      'GET',
      `/api/v1/enterprises?ids=${world.henanEnterpriseId}&ids=${world.hubeiEnterpriseId}`,
      { token: admin },
    );
    expect(repeated.body.items).toHaveLength(2);
    // An officer of Zhengzhou gets Henan's and not Hubei's: ids filter within the scope, never past it.
    const officer = await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' });
    const scoped = await api.request<Named>('GET', `/api/v1/enterprises?${both}`, { token: officer.token });
    expect(scoped.body.items.map((e) => e.id)).toEqual([world.henanEnterpriseId]);

    for (const bad of [
      'ids=not-a-uuid',
      `ids=${Array.from({ length: 101 }, () => world.henanEnterpriseId).join(',')}`,
    ]) {
      const refused = await api.request<{ errors?: { field: string }[] }>('GET', `/api/v1/enterprises?${bad}`, {
        token: admin,
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('ids');
    }
  });

  it('pages with a cursor: the count comes with the first page only, and when asked', async () => {
    expect((await list('/api/v1/organizations?limit=2')).body.total).toBeUndefined();
    expect((await list('/api/v1/organizations?count=yes')).status).toBe(400);
    const first = await list('/api/v1/organizations?limit=2&count=true');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThan(2);
    const second = await list(`/api/v1/organizations?limit=2&count=true&cursor=${first.body.nextCursor}`);
    expect(second.body.total).toBeUndefined();
    expect(second.body.items.map((o) => o.id)).not.toContain(first.body.items[0]?.id);
  });

  it('filters users by role, activity and name or email', async () => {
    const officer = await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' });
    const off = await api.request('PATCH', `/api/v1/users/${officer.userId}`, {
      token: admin,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    const inactive = await api.request<{ items: { id: string; active: boolean }[]; total: number }>(
      'GET',
      '/api/v1/users?active=false&role=field_officer&count=true',
      { token: admin },
    );
    expect(inactive.body.items.map((u) => u.id)).toEqual([officer.userId]);
    expect(inactive.body.total).toBe(1);
    const bad = await api.request('GET', '/api/v1/users?active=maybe', { token: admin });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('active');
  });
});
