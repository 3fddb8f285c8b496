import * as fc from 'fast-check';
import { ManualClock, fromFen, toFen } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

/** Money never passes through a float: 10,000 random amounts of up to 12 integer digits sum exactly. */
describe('money through the API', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock: new ManualClock(new Date('2026-06-02T02:00:00Z')) });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
  });

  afterAll(async () => {
    await api.stop();
  });

  it('sums 10,000 loan contracts exactly into signedAmount', async () => {
    const amounts = fc.sample(
      fc
        .tuple(fc.bigInt({ min: 1n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 99 }))
        .map(([yuan, fen]) => `${yuan.toString()}.${String(fen).padStart(2, '0')}`),
      { numRuns: 10_000, seed: 20261122 },
    );
    const expected = amounts.reduce((sum, a) => sum + toFen(a), 0n);
    expect(fromFen(expected).replace('.', '').length).toBeGreaterThan(15); // beyond a double's exact integers

    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const id = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const post = (action: string, body: object = {}) =>
      api.request('POST', `/api/v1/cases/${id}/${action}`, { token: actors.leadManager, body });
    await post('claim');
    await post('milestones', { type: 'contacted' });
    await post('approve');
    for (let batch = 0; batch < 100; batch += 1) {
      const contracts = amounts.slice(batch * 100, batch * 100 + 100).map((amount, i) => ({
        amount,
        annualRatePct: '3.100',
        termMonths: 12,
        signedOn: '2026-06-01',
        contractNo: `SUM-${batch}-${i}`,
      }));
      const response = await post('loans', { contracts });
      expect(response.status).toBe(200);
    }
    const detail = await api.request<{ signedAmount: string; loans: unknown[] }>('GET', `/api/v1/cases/${id}`, {
      token: actors.leadManager,
    });
    expect(detail.body.loans).toHaveLength(10_000);
    expect(detail.body.signedAmount).toBe(fromFen(expected));
    const sum = await api.dataSource.query<{ s: string }[]>(
      'SELECT sum(amount)::text AS s FROM loan_contracts WHERE case_id = $1',
      [id],
    );
    expect(sum[0]?.s).toBe(fromFen(expected));
    // A float would have lost fen on the way.
    expect(amounts.reduce((s, a) => s + Number(a), 0).toFixed(2)).not.toBe(fromFen(expected));
  }, 120_000);
});
