import { ManualClock } from '@unblock/domain';
import { buildActors, type Actors } from '../support/case-fixtures';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

describe('visits', () => {
  const clock = new ManualClock(new Date('2026-06-20T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
  });

  afterAll(async () => {
    await api.stop();
  });

  const visit = (token: string, body: Record<string, unknown>) =>
    api.request('POST', '/api/v1/visits', {
      token,
      body: {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
        kind: 'policy_promotion',
        visitedOn: '2026-06-01',
        ...body,
      },
    });

  it('records a visit; a retry with the same clientRef answers the first visit (200) and writes nothing', async () => {
    const first = await visit(actors.officer, { clientRef: 'phone-1:visit-42', summary: '政策宣讲' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ regionCode: '410102', clientRef: 'phone-1:visit-42', summary: '政策宣讲' });
    const before = await api.counts(['visits']);
    const retry = await visit(actors.officer, { clientRef: 'phone-1:visit-42', summary: '政策宣讲' });
    expect(retry.status).toBe(200);
    expect(retry.body['id']).toBe(first.body['id']);
    expect(await api.counts(['visits'])).toEqual(before);
  });

  it('keeps one visit when the same clientRef arrives many times at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => visit(actors.officer, { clientRef: 'burst-1', visitedOn: '2026-05-02' })),
    );
    expect(new Set(responses.map((r) => r.body['id'])).size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
  });

  it('the same clientRef of another visitor is another visit', async () => {
    const other = await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' });
    const a = await visit(actors.officer, { clientRef: 'shared-ref', visitedOn: '2026-03-01' });
    const b = await visit(other.token, { clientRef: 'shared-ref', visitedOn: '2026-03-01' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body['id']).not.toBe(b.body['id']);
  });

  it('warns recent_visit when the enterprise was visited in the 14 days before', async () => {
    const first = await visit(actors.officer, { enterpriseId: world.henanEnterpriseId, visitedOn: '2026-02-01' });
    expect(first.body['warnings']).toEqual([]);
    const within = await visit(actors.officer, { visitedOn: '2026-02-15' });
    expect(within.body['warnings']).toEqual(['recent_visit']);
    const after = await visit(actors.officer, { visitedOn: '2026-03-17' });
    expect(after.body['warnings']).toEqual([]);
  });

  it('refuses a visit outside the campaign’s dates, in the future, or to an enterprise out of the officer’s region', async () => {
    const before = await api.counts(['visits']);
    const cases: [Record<string, unknown>, string][] = [
      [{ visitedOn: '2025-12-31' }, 'visitedOn'],
      [{ visitedOn: '2026-06-21' }, 'visitedOn'],
      [{ enterpriseId: world.hubeiEnterpriseId }, 'enterpriseId'],
      [{ campaignId: world.hubeiCampaignId }, 'campaignId'],
    ];
    for (const [body, field] of cases) {
      const response = await visit(actors.officer, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body['errors']).toEqual([expect.objectContaining({ field })]);
    }
    expect(await api.counts(['visits'])).toEqual(before);
  });

  it('checks every visit against the enterprise and the campaign as they are now, right after one was recorded', async () => {
    const campaign = await api.request('POST', '/api/v1/campaigns', {
      token: world.adminToken,
      body: {
        name: '一季度走访',
        kind: 'diagnose_unblock',
        regionCode: '410000',
        startsOn: '2026-01-01',
        endsOn: '2026-03-31',
      },
    });
    expect(campaign.status).toBe(201);
    const enterprise = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: { uscc: newUscc('410102'), name: '郑州新材', regionCode: '410102', size: 'small' },
    });
    expect(enterprise.status).toBe(201);
    const on = (visitedOn: string) =>
      visit(actors.officer, { campaignId: campaign.body['id'], enterpriseId: enterprise.body['id'], visitedOn });
    expect((await on('2026-03-01')).status).toBe(201);

    // The campaign ends earlier now: the same kind of visit is refused at once, and writes nothing.
    await api.dataSource.query(`UPDATE campaigns SET ends_on = '2026-02-15' WHERE id = $1`, [campaign.body['id']]);
    const before = await api.counts(['visits']);
    const late = await on('2026-03-02');
    expect(late.status).toBe(400);
    expect(late.body['errors']).toEqual([expect.objectContaining({ field: 'visitedOn' })]);
    // Extended: a visit on a new day is taken at once.
    await api.dataSource.query(`UPDATE campaigns SET ends_on = '2026-06-30' WHERE id = $1`, [campaign.body['id']]);
    expect((await on('2026-04-01')).status).toBe(201);

    // The enterprise moved out of the officer's province.
    await api.dataSource.query(`UPDATE enterprises SET region_code = '420100' WHERE id = $1`, [enterprise.body['id']]);
    const moved = await on('2026-04-02');
    expect(moved.status).toBe(400);
    expect(moved.body['errors']).toEqual([expect.objectContaining({ field: 'enterpriseId' })]);
    expect(await api.counts(['visits'])).toEqual({ visits: (before['visits'] ?? 0) + 1 });
  });

  it('lets a bank manager record visits of a GM-visits campaign only', async () => {
    const gm = await api.request('POST', '/api/v1/campaigns', {
      token: world.adminToken,
      body: {
        name: '行长走访万企',
        kind: 'gm_visits',
        regionCode: '410000',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
    });
    const ok = await visit(actors.leadManager, { campaignId: gm.body['id'], kind: 'gm_visit' });
    expect(ok.status).toBe(201);
    expect(ok.body['visitorOrganizationId']).toBe(world.henanBankId);
    const refused = await visit(actors.leadManager, {});
    expect(refused.status).toBe(403);
    expect((await visit(actors.supervisor, {})).status).toBe(403);
  });

  it('lists visits by campaign, enterprise, region and dates, within the reader’s scope', async () => {
    const list = await api.request<{ items: { visitedOn: string; regionCode: string }[] }>(
      'GET',
      `/api/v1/visits?campaignId=${world.provinceCampaignId}&from=2026-02-01&to=2026-02-28&regionCode=410100`,
      { token: actors.supervisor },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((v) => v.visitedOn).sort()).toEqual(['2026-02-01', '2026-02-15']);
    const hubei = await api.request<{ items: unknown[] }>('GET', '/api/v1/visits', { token: actors.hubeiSupervisor });
    expect(hubei.body.items).toEqual([]);
    const mine = await api.request<{ items: { visitorOrganizationId: string }[] }>('GET', '/api/v1/visits', {
      token: actors.leadManager2,
    });
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((v) => v.visitorOrganizationId === world.henanBankId)).toBe(true);
  });

  it('lists visits newest first, the cursor walking to older ones', async () => {
    type VisitPage = { items: { id: string; createdAt: string }[]; nextCursor: string | null };
    const read = async (cursor?: string): Promise<VisitPage> =>
      (
        await api.request<VisitPage>(
          'GET',
          `/api/v1/visits?limit=2${cursor === undefined ? '' : `&cursor=${cursor}`}`,
          { token: actors.supervisor },
        )
      ).body;
    const first = await read();
    expect(first.nextCursor).not.toBeNull();
    const second = await read(first.nextCursor ?? undefined);
    const times = [...first.items, ...second.items].map((v) => v.createdAt);
    expect(times.length).toBe(4);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set([...first.items, ...second.items].map((v) => v.id)).size).toBe(4);
  });
});
