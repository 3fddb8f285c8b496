import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

interface Reason {
  id: string;
  code: string;
  name: string;
  repairable: boolean;
  repairPath: string | null;
  repairerKind: string | null;
}

describe('the decline-reason catalogue (二次诊断): shipped, read by everyone, kept by admins', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
  });

  afterAll(async () => {
    await api.stop();
  });

  const list = async (token: string): Promise<Reason[]> =>
    (await api.request<{ items: Reason[] }>('GET', '/api/v1/decline-reasons?limit=100', { token })).body.items;

  it('ships the reasons banks gave before (not repairable) and the repairable ones, each with its path and repairer', async () => {
    const officer = await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' });
    const reasons = new Map((await list(officer.token)).map((r) => [r.code, r]));
    for (const code of [
      'outside_credit_policy',
      'insufficient_collateral',
      'credit_risk',
      'not_our_region',
      'enterprise_unreachable',
      'other',
    ]) {
      expect(reasons.get(code)).toMatchObject({ repairable: false, repairPath: null, repairerKind: null });
    }
    expect(reasons.get('tax_arrears')).toMatchObject({
      repairable: true,
      repairerKind: 'government_department',
      repairPath: expect.stringContaining('税务部门') as unknown,
    });
    expect(reasons.get('credit_record_error')).toMatchObject({
      repairerKind: 'government_department',
      repairPath: expect.stringContaining('征信中心') as unknown,
    });
    expect(reasons.get('missing_guarantee')).toMatchObject({
      repairerKind: 'guarantee_institution',
      repairPath: expect.stringContaining('政府性融资担保机构') as unknown,
    });
    expect(reasons.get('incomplete_documents')).toMatchObject({ repairable: true, repairerKind: 'enterprise' });
  });

  it('lets an admin add a reason and make one repairable or not, the path and repairer going with it', async () => {
    const created = await api.request<Reason>('POST', '/api/v1/decline-reasons', {
      token: world.adminToken,
      body: { code: 'environmental_permit_missing', name: '环评手续不全' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'environmental_permit_missing', repairable: false, repairPath: null });
    const repairable = await api.request<Reason>('PATCH', `/api/v1/decline-reasons/${created.body.id}`, {
      token: world.adminToken,
      body: {
        repairable: true,
        repairPath: '到生态环境部门补办环评手续后，银行可重新审查。',
        repairerKind: 'government_department',
      },
    });
    expect(repairable.status).toBe(200);
    expect(repairable.body).toMatchObject({ repairable: true, repairerKind: 'government_department' });
    const back = await api.request<Reason>('PATCH', `/api/v1/decline-reasons/${created.body.id}`, {
      token: world.adminToken,
      body: { repairable: false, repairPath: null, repairerKind: null },
    });
    expect(back.body).toMatchObject({ repairable: false, repairPath: null, repairerKind: null, name: '环评手续不全' });
    const missing = await api.request('PATCH', '/api/v1/decline-reasons/00000000-0000-4000-8000-000000000000', {
      token: world.adminToken,
      body: { name: 'x' },
    });
    expect(missing.status).toBe(404);
  });

  it('takes organizations that repair declines: government departments and guarantee institutions', async () => {
    for (const [kind, name] of [
      ['government_department', '郑州市税务局'],
      ['guarantee_institution', '河南省融资担保集团'],
    ] as const) {
      const response = await api.request('POST', '/api/v1/organizations', {
        token: world.adminToken,
        body: { kind, name, regionCode: '410100' },
      });
      expect({ status: response.status, body: response.body }).toMatchObject({ status: 201, body: { kind } });
    }
  });
});
