import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

/** An edited chain routes the needs diagnosed afterwards; the cases already routed stay where they are. */
describe('a chain whose lead bank is edited', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    actors = await buildActors(api, world);
  });

  afterAll(async () => {
    await api.stop();
  });

  async function newCase(): Promise<string> {
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    return String((await diagnose(api, actors.officer, { visitId }))['id']);
  }

  const assignedBank = async (caseId: string): Promise<unknown> =>
    (await api.request('GET', `/api/v1/cases/${caseId}`, { token: world.adminToken })).body['assignedBankId'];

  it('sends the next need to the new lead bank and leaves the routed one at the old', async () => {
    const before = await newCase();
    expect(await assignedBank(before)).toBe(world.henanBankId);

    const edited = await api.request('PATCH', `/api/v1/industrial-chains/${world.henanChainId}`, {
      token: world.adminToken,
      body: { leadBankId: world.henanBank2Id, deputyBankId: world.henanBankId },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual(
      expect.objectContaining({ leadBankId: world.henanBank2Id, deputyBankId: world.henanBankId }),
    );
    const audited = await api.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_records WHERE entity_id = $1 AND action LIKE 'PATCH %'`,
      [world.henanChainId],
    );
    expect(Number(audited[0]?.n)).toBe(1);

    const after = await newCase();
    expect(await assignedBank(after)).toBe(world.henanBank2Id);
    expect(await assignedBank(before)).toBe(world.henanBankId);
  });
});
