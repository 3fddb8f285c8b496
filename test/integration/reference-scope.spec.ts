import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('reference data: scope, filters, pagination, normalization', () => {
  let api: TestApi;
  let world: World;
  let officer: string;
  let hubeiOfficer: string;
  let manager: string;
  let supervisor: string;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    officer = (await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' })).token;
    hubeiOfficer = (await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '420100' }))
      .token;
    manager = (await api.userToken('bank_manager', { organizationId: world.henanBank2Id, regionCode: '410100' })).token;
    supervisor = (await api.userToken('supervisor', { organizationId: world.regulatorId, regionCode: '410000' })).token;
  });

  afterAll(async () => {
    await api.stop();
  });

  async function ids(token: string, url: string): Promise<string[]> {
    const response = await api.request<Page<{ id: string }>>('GET', url, { token });
    expect(response.status).toBe(200);
    return response.body.items.map((i) => i.id);
  }

  it('a field officer sees the enterprises of their region and its descendants, and no others', async () => {
    const seen = await ids(officer, '/api/v1/enterprises');
    expect(seen).toContain(world.henanEnterpriseId);
    expect(seen).not.toContain(world.hubeiEnterpriseId);
    expect(
      (await api.request('GET', `/api/v1/enterprises/${world.hubeiEnterpriseId}`, { token: officer })).status,
    ).toBe(404);
    const hubei = await ids(hubeiOfficer, '/api/v1/enterprises');
    expect(hubei).toContain(world.hubeiEnterpriseId);
    expect(hubei).not.toContain(world.henanEnterpriseId);
  });

  it('a supervisor of the province sees the enterprises of its cities and counties', async () => {
    const seen = await ids(supervisor, '/api/v1/enterprises');
    expect(seen).toContain(world.henanEnterpriseId);
    expect(seen).not.toContain(world.hubeiEnterpriseId);
  });

  it('a city officer sees the province campaign and their own, not another province’s', async () => {
    const seen = await ids(officer, '/api/v1/campaigns');
    expect(seen).toContain(world.provinceCampaignId);
    expect(seen).not.toContain(world.hubeiCampaignId);
    expect((await api.request('GET', `/api/v1/campaigns/${world.hubeiCampaignId}`, { token: officer })).status).toBe(
      404,
    );
  });

  it('a bank manager sees the chains of their region and the chains their bank serves elsewhere', async () => {
    const seen = await ids(manager, '/api/v1/industrial-chains');
    // Henan chain by region; Hubei chain because their bank is its deputy lead bank.
    expect(seen).toEqual(expect.arrayContaining([world.henanChainId, world.hubeiChainId]));
    const hubeiSees = await ids(hubeiOfficer, '/api/v1/industrial-chains');
    expect(hubeiSees).toContain(world.hubeiChainId);
    expect(hubeiSees).not.toContain(world.henanChainId);
    expect(
      (await api.request('GET', `/api/v1/industrial-chains/${world.henanChainId}`, { token: hubeiOfficer })).status,
    ).toBe(404);
  });

  it('answers a chain with its lead, deputy and members', async () => {
    const chain = await api.request('GET', `/api/v1/industrial-chains/${world.henanChainId}`, { token: officer });
    expect(chain.body).toMatchObject({
      leadBankId: world.henanBankId,
      deputyBankId: world.henanBank2Id,
      memberOrgIds: [world.institutionId],
      regionCode: '410100',
    });
  });

  it('normalizes credit codes: lower case, full width and spaces', async () => {
    const code = newUscc('410102');
    const fullWidth = code
      .toLowerCase()
      .split('')
      .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .join('');
    const created = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: {
        uscc: ` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)} `,
        name: '全角',
        regionCode: '410102',
        size: 'micro',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body['uscc']).toBe(code);
    const found = await ids(world.adminToken, `/api/v1/enterprises?uscc=${code.toLowerCase()}`);
    expect(found).toEqual([created.body['id']]);
    const duplicate = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: { uscc: code.toLowerCase(), name: '重复', regionCode: '410102', size: 'micro' },
    });
    expect(duplicate.status).toBe(409);
  });

  it('filters enterprises by chain, role, tag and name', async () => {
    expect(await ids(world.adminToken, `/api/v1/enterprises?chainId=${world.henanChainId}&chainRole=leader`)).toEqual([
      world.henanEnterpriseId,
    ]);
    expect(await ids(world.adminToken, '/api/v1/enterprises?q=光谷')).toEqual([world.hubeiEnterpriseId]);
    expect(await ids(world.adminToken, '/api/v1/enterprises?q=%25')).toEqual([]);
    expect(await ids(world.adminToken, '/api/v1/enterprises?regionCode=420000')).toHaveLength(2);
  });

  it('walks a list page by page with limit and cursor, every item once', async () => {
    for (let i = 0; i < 7; i += 1) {
      const r = await api.request('POST', '/api/v1/organizations', {
        token: world.adminToken,
        body: { kind: 'institution', name: `担保公司${i}`, regionCode: '410100' },
      });
      expect(r.status).toBe(201);
    }
    const all = await ids(world.adminToken, '/api/v1/organizations?limit=200');
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/organizations?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: Page<{ id: string }> } = await api.request<Page<{ id: string }>>('GET', url, {
        token: world.adminToken,
      });
      walked.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(walked.length);
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=garbage', 'cursor'],
    ['kind=hospital', 'kind'],
    ['regionCode=4101', 'regionCode'],
    ['unknown=1', 'unknown'],
  ])('refuses ?%s naming %s', async (query, field) => {
    const response = await api.request('GET', `/api/v1/organizations?${query}`, { token: world.adminToken });
    expect(response.status).toBe(400);
    expect(response.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('answers 400 naming the id for a path id that is not a uuid, 404 for one that does not exist', async () => {
    const bad = await api.request('GET', '/api/v1/enterprises/42', { token: world.adminToken });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual([expect.objectContaining({ field: 'id' })]);
    const missing = await api.request('GET', '/api/v1/enterprises/00000000-0000-4000-8000-000000000000', {
      token: world.adminToken,
    });
    expect(missing.status).toBe(404);
  });

  it('moves an enterprise out of its chain with chainId and chainRole null', async () => {
    const created = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: {
        uscc: newUscc('410102'),
        name: '链上企业',
        regionCode: '410102',
        size: 'small',
        chainId: world.henanChainId,
        chainRole: 'member',
      },
    });
    const id = String(created.body['id']);
    const moved = await api.request('PATCH', `/api/v1/enterprises/${id}`, {
      token: world.adminToken,
      body: { chainId: null, chainRole: null, name: '独立企业' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ chainId: null, chainRole: null, name: '独立企业' });
  });

  it('leaves an audit record of every write: who, when, what, from where', async () => {
    const response = await api.request('POST', '/api/v1/organizations', {
      token: world.adminToken,
      body: { kind: 'bank', name: '审计银行', regionCode: '410100' },
      headers: { 'user-agent': 'audit-test', 'x-request-id': 'audit-req-1' },
    });
    const rows = await api.dataSource.query<Record<string, unknown>[]>(
      'SELECT * FROM audit_records WHERE request_id = $1',
      ['audit-req-1'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'POST /api/v1/organizations',
      entity: 'organizations',
      entity_id: response.body['id'],
      status: 201,
      user_agent: 'audit-test',
      ip: '127.0.0.1',
    });
    expect(rows[0]?.['actor_user_id']).toEqual(expect.any(String));
  });
});
