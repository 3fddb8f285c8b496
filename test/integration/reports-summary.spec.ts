import type { ManualClock } from '@unblock/domain';
import type { Actors } from '../support/case-fixtures';
import type { World } from '../support/fixtures';
import type { TestApi } from '../support/test-api';
import { expected, expectedRegions, readRows, startReportsWorld, type Figures } from './reports-fixture';

/** The summary report: every figure, each reader's scope, the date filters. */
describe('campaign reports', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let clock: ManualClock;

  beforeAll(async () => {
    ({ api, world, actors, clock } = await startReportsWorld());
  });

  afterAll(async () => {
    await api.stop();
  });

  it('answers every summary figure as a direct computation over the rows does', async () => {
    const data = await readRows(api);
    const all = await api.request<Figures>('GET', '/api/v1/reports/summary', { token: world.adminToken });
    expect(all.status).toBe(200);
    expect(all.body).toEqual(expected(data, clock.now(), {}));
    expect(all.body).toMatchObject({ signedAmount: '3200000.04', signedCount: 3, visits: 4, needsDiagnosed: 5 });
    expect(all.body['funnel']).toEqual({
      claimed: 2,
      approved: 2,
      signed: 2,
      declined: 1,
      declinesByReason: [{ reason: 'credit_risk', name: '信用风险较高', count: 1 }],
      repaired: 0,
    });

    const henan = await api.request<Figures>(
      'GET',
      `/api/v1/reports/summary?regionCode=410000&campaignId=${world.provinceCampaignId}`,
      {
        token: world.adminToken,
      },
    );
    expect(henan.body).toEqual(
      expected(data, clock.now(), { region: ['410000', '419999'], campaignId: world.provinceCampaignId }),
    );
    expect(henan.body.longTermShare).toBe('0.7813');
    expect(henan.body.chainLeaderShare).toBe('1.0000');
    // Henan's cities: Zhengzhou holds the whole funnel.
    const regions = await api.request<{ regionCode: string; needsDiagnosed: number; funnel: object }[]>(
      'GET',
      `/api/v1/reports/regions?campaignId=${world.provinceCampaignId}&regionCode=410000`,
      { token: world.adminToken },
    );
    expect(regions.body).toEqual(
      expectedRegions(data, clock.now(), { region: ['410000', '419999'], campaignId: world.provinceCampaignId }),
    );
    const byRegion = regions.body;
    expect(byRegion.find((r) => r.regionCode === '410100')).toMatchObject({
      regionName: '郑州市',
      visits: 3,
      needsDiagnosed: 4,
      funnel: { claimed: 2, approved: 2, signed: 2, declined: 1 },
    });
    expect(byRegion.filter((r) => r.regionCode !== '410100').every((r) => r.needsDiagnosed === 0)).toBe(true);
  });

  it('keeps each reader to their scope: a supervisor their region, a bank manager their bank', async () => {
    const data = await readRows(api);
    const supervisor = await api.request<Figures>('GET', '/api/v1/reports/summary', { token: actors.supervisor });
    expect(supervisor.body).toEqual(expected(data, clock.now(), { region: ['410000', '419999'] }));
    const hubei = await api.request<Figures>('GET', '/api/v1/reports/summary', { token: actors.hubeiSupervisor });
    expect(hubei.body).toEqual(expected(data, clock.now(), { region: ['420000', '429999'] }));
    expect(hubei.body.signedAmount).toBe('0.00');
    const bank = await api.request<Figures>('GET', '/api/v1/reports/summary', { token: actors.leadManager });
    expect(bank.body).toEqual(expected(data, clock.now(), { region: ['410100', '410199'], bank: world.henanBankId }));
    expect(bank.body.signedAmount).toBe('1500000.05');
  });

  it('filters by dates: visits by their day, cases by their diagnosis day, loans by their signing day', async () => {
    const june = await api.request<Figures>('GET', '/api/v1/reports/summary?from=2026-06-01&to=2026-06-30', {
      token: world.adminToken,
    });
    expect(june.body).toMatchObject({ visits: 2, signedCount: 3 });
    const may = await api.request<Figures>('GET', '/api/v1/reports/summary?from=2026-05-01&to=2026-05-31', {
      token: world.adminToken,
    });
    expect(may.body).toMatchObject({ visits: 2, needsDiagnosed: 0, signedAmount: '0.00', longTermShare: null });
    const bad = await api.request('GET', '/api/v1/reports/summary?from=2026-06-30&to=2026-06-01', {
      token: world.adminToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual([expect.objectContaining({ field: 'to' })]);
  });
});
