import { Client } from 'pg';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

/** The busiest action of a bank's queue keeps to one statement: one round trip to Postgres. */
describe('a claim', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let visitId: string;
  let statements = 0;
  const query = Client.prototype.query;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    // Every statement any client of the API sends, counted (authentication and auditing send none of their own).
    Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
      statements += 1;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });

  afterAll(async () => {
    Client.prototype.query = query;
    await api.stop();
  });

  const claim = async (token: string, caseId: string): Promise<{ status: number; statements: number }> => {
    statements = 0;
    const answer = await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token, body: {} });
    return { status: answer.status, statements };
  };

  it('at its bank is one statement, whose answer is the case claimed', async () => {
    const caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const claimed = await claim(actors.leadManager, caseId);
    expect(claimed.status).toBe(200);
    expect(claimed.statements).toBe(1);
    const [row] = await api.dataSource.query<{ status: string; version: number }[]>(
      'SELECT status, version FROM cases WHERE id = $1',
      [caseId],
    );
    expect(row).toEqual({ status: 'claimed', version: 3 });
  });

  it('from a pool is one statement too, and empties the pool', async () => {
    const caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
    for (const token of [actors.leadManager, actors.deputyManager]) {
      const declined = await api.request('POST', `/api/v1/cases/${caseId}/decline`, {
        token,
        body: { reason: 'credit_risk' },
      });
      expect(declined.status).toBe(200);
    }
    const claimed = await claim(actors.institutionUser, caseId);
    expect(claimed.status).toBe(200);
    expect(claimed.statements).toBe(1);
    const pool = await api.dataSource.query<unknown[]>('SELECT 1 FROM case_pool_members WHERE case_id = $1', [caseId]);
    expect(pool).toEqual([]);
  });

  it('lost in a race, or out of turn, reads the case to answer 409 with its status', async () => {
    const caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
    expect((await claim(actors.leadManager, caseId)).status).toBe(200);
    const again = await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token: actors.leadManager, body: {} });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ currentStatus: 'claimed' });
  });
});
