import { ManualClock } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

interface CasePage {
  items: { id: string; originVisitId: string }[];
  nextCursor: string | null;
}

/** GET /api/v1/cases?diagnosedBy=me: the cases whose origin visit the caller recorded. */
describe('cases diagnosed by the caller', () => {
  const clock = new ManualClock(new Date('2026-06-20T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let colleague: string;
  const mine: string[] = [];
  const theirs: string[] = [];

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    colleague = (await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' }))
      .token;
    const visit = { campaignId: world.provinceCampaignId, enterpriseId: world.henanEnterpriseId };
    for (let i = 0; i < 3; i += 1) {
      const visitId = await recordVisit(api, actors.officer, { ...visit, clientRef: `mine-${i}` });
      mine.push(String((await diagnose(api, actors.officer, { visitId }))['id']));
    }
    for (let i = 0; i < 2; i += 1) {
      const visitId = await recordVisit(api, colleague, { ...visit, clientRef: `theirs-${i}` });
      theirs.push(String((await diagnose(api, colleague, { visitId }))['id']));
    }
  });

  afterAll(async () => {
    await api.stop();
  });

  const list = (token: string, query: string) => api.request<CasePage>('GET', `/api/v1/cases?${query}`, { token });

  it('lists only the caller’s cases, while the unfiltered list shows the region’s', async () => {
    const all = await list(actors.officer, 'limit=100');
    expect(all.status).toBe(200);
    expect(all.body.items.map((c) => c.id)).toEqual(expect.arrayContaining([...mine, ...theirs]));

    const own = await list(actors.officer, 'diagnosedBy=me&limit=100');
    expect(own.status).toBe(200);
    expect(own.body.items.map((c) => c.id).sort()).toEqual([...mine].sort());
    expect(own.body.nextCursor).toBeNull();

    const other = await list(colleague, 'diagnosedBy=me&limit=100');
    expect(other.body.items.map((c) => c.id).sort()).toEqual([...theirs].sort());
  });

  it('keeps the keyset pagination', async () => {
    const first = await list(actors.officer, 'diagnosedBy=me&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await list(
      actors.officer,
      `diagnosedBy=me&limit=2&cursor=${encodeURIComponent(String(first.body.nextCursor))}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((c) => c.id).sort()).toEqual([...mine].sort());
  });

  it('combines with the other filters', async () => {
    const routed = await list(actors.officer, 'diagnosedBy=me&status=assigned&limit=100');
    expect(routed.status).toBe(200);
    const statuses = await Promise.all(
      mine.map(async (id) => (await api.request('GET', `/api/v1/cases/${id}`, { token: actors.officer })).body),
    );
    const assigned = statuses.filter((c) => c['status'] === 'assigned').map((c) => String(c['id']));
    expect(routed.body.items.map((c) => c.id).sort()).toEqual(assigned.sort());
  });

  it('keeps the caller’s visibility: users who diagnosed nothing get an empty list', async () => {
    for (const token of [actors.leadManager, actors.supervisor, actors.hubeiOfficer]) {
      const response = await list(token, 'diagnosedBy=me');
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([]);
    }
    // The bank manager does see the routed cases without the filter.
    const bank = await list(actors.leadManager, 'limit=100');
    expect(bank.body.items.length).toBeGreaterThan(0);
  });

  it('refuses a value other than me with a 400 naming the field', async () => {
    for (const value of ['someone', 'ME', '', world.regulatorId]) {
      const response = await list(actors.officer, `diagnosedBy=${encodeURIComponent(value)}`);
      expect({ value, status: response.status }).toEqual({ value, status: 400 });
      expect(response.body).toMatchObject({ errors: [expect.objectContaining({ field: 'diagnosedBy' })] });
    }
  });
});
