import type { Actor, ManualClock } from '@unblock/domain';
import { ReportRollups, ReportsService, type ReportQuery } from '@unblock/reports';
import { diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { newUscc, type World } from '../support/fixtures';
import type { TestApi } from '../support/test-api';
import { expectAsBaseTables, startReportsWorld } from './reports-fixture';

/** The rollups answer what a scan of the base tables answers, as the base tables change. */
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

  // Every reader × filter read three ways, base-table scans among them: 18 s on a quiet machine, past jest's
  // 30 s under a load of 11.
  it('answers from the rollups exactly what a scan of the base tables answers, for every reader and filter', async () => {
    const henan = world.provinceCampaignId;
    const readers: Actor[] = [
      { userId: 'admin', role: 'admin', organizationId: null, regionCode: null },
      { userId: 'supervisor', role: 'supervisor', organizationId: world.regulatorId, regionCode: '410000' },
      { userId: 'city', role: 'supervisor', organizationId: world.regulatorId, regionCode: '410100' },
      { userId: 'lead', role: 'bank_manager', organizationId: world.henanBankId, regionCode: '410000' },
      { userId: 'deputy', role: 'bank_manager', organizationId: world.henanBank2Id, regionCode: '410100' },
      { userId: 'deputy-province', role: 'bank_manager', organizationId: world.henanBank2Id, regionCode: '410000' },
    ];
    const queries: ReportQuery[] = [
      {},
      { campaignId: henan },
      { campaignId: world.hubeiCampaignId },
      { regionCode: '410102' },
      { from: '2026-06-01' },
      { to: '2026-05-31' },
      { campaignId: henan, from: '2026-05-21', to: '2026-06-04' },
      { from: '2026-06-05', to: '2026-06-05' },
      // Whole months, edge days around whole months, one day, inside a month, open ends (the month sets).
      { campaignId: henan, from: '2026-05-01', to: '2026-06-30' },
      { campaignId: henan, from: '2026-05-01', to: '2026-05-31' },
      { campaignId: henan, from: '2026-04-30', to: '2026-06-01' },
      { campaignId: henan, from: '2026-05-20', to: '2026-05-20' },
      { campaignId: henan, from: '2026-05-10', to: '2026-05-27' },
      { campaignId: henan, to: '2026-06-04' },
      { campaignId: henan, from: '2026-05-28' },
    ];
    let compared = 0;
    for (const reader of readers) {
      for (const query of queries) {
        await expectAsBaseTables(api, reader, query, ['summary', 'regions', 'chains', 'banks']);
        compared += 3;
      }
    }
    expect(compared).toBe(readers.length * queries.length * 3);
  }, 120_000);

  // After the comparison over the fixture's rows: it adds a case and moves the clock.
  it('counts a claim deadline that passes after a refresh as missed at the next read', async () => {
    const service = api.app.get(ReportsService);
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    const [visit] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM visits WHERE campaign_id = $1 ORDER BY created_at LIMIT 1`,
      [world.provinceCampaignId],
    );
    await diagnose(api, actors.officer, { visitId: visit?.id ?? '' });
    const before = await service.summary(admin, {});
    expect(before).toEqual(await service.fromBaseTables().summary(admin, {}));
    clock.advance(30 * 86_400_000);
    const after = await service.summary(admin, {});
    expect(after).toEqual(await service.fromBaseTables().summary(admin, {}));
    expect(after.claimsWithinSlaShare).not.toBe(before.claimsWithinSlaShare);
  });

  it('adds later visits to the day bitmaps: distinct enterprises stay exact for any period', async () => {
    const service = api.app.get(ReportsService);
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    await service.summary(admin, {}); // the bitmaps hold the visits so far
    // Before the enterprise's first visit (the bitmap's epoch moves back), between two visits, and again on a day.
    for (const visitedOn of ['2026-02-10', '2026-05-25', '2026-05-25']) {
      await recordVisit(api, actors.officer, {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
        visitedOn,
      });
    }
    const periods = [
      {},
      { from: '2026-02-10', to: '2026-02-10' },
      { from: '2026-02-11', to: '2026-05-19' },
      { from: '2026-05-21', to: '2026-05-27' },
      { to: '2026-02-09' },
      { from: '2026-05-26' },
    ];
    for (const period of periods) {
      const fast = await service.summary(admin, period);
      expect({ period, visited: fast.enterprisesVisited, visits: fast.visits }).toEqual({
        period,
        visited: (await service.fromBaseTables().summary(admin, period)).enterprisesVisited,
        visits: (await service.fromBaseTables().summary(admin, period)).visits,
      });
    }
    expect((await service.summary(admin, { from: '2026-02-10', to: '2026-02-10' })).enterprisesVisited).toBe(1);
    expect((await service.summary(admin, { from: '2026-02-11', to: '2026-05-19' })).enterprisesVisited).toBe(0);
  });

  it('counts an enterprise visited in two regions (it moved) once, and in each region once', async () => {
    const service = api.app.get(ReportsService);
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    const moved = await api.request('PATCH', `/api/v1/enterprises/${world.henanEnterpriseId}`, {
      token: world.adminToken,
      body: { regionCode: '410100' },
    });
    expect(moved.status).toBe(200);
    await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
      visitedOn: '2026-05-26',
    });
    for (const query of [{}, { regionCode: '410100' }, { regionCode: '410102' }, { from: '2026-05-25' }]) {
      const fast = await service.summary(admin, query);
      expect({ query, visited: fast.enterprisesVisited }).toEqual({
        query,
        visited: (await service.fromBaseTables().summary(admin, query)).enterprisesVisited,
      });
    }
    const [rows] = await api.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM report_visit_presence WHERE enterprise_id = $1 AND shared',
      [world.henanEnterpriseId],
    );
    expect(rows?.n).toBe(2);
  });

  it('recomputes the day and month sets of a changed day: distinct enterprises stay exact for every scope', async () => {
    const service = api.app.get(ReportsService);
    const campaignId = world.provinceCampaignId;
    const created = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: {
        uscc: newUscc('410102'),
        name: '新链企业',
        regionCode: '410102',
        size: 'small',
        chainId: world.henanChainId,
        chainRole: 'member',
      },
    });
    expect(created.status).toBe(201);
    // A day that already has sets, a new day at a month's end, and the first day of a month.
    for (const visitedOn of ['2026-05-20', '2026-05-31', '2026-06-01']) {
      await recordVisit(api, actors.officer, { campaignId, enterpriseId: String(created.body['id']), visitedOn });
    }
    await api.app.get(ReportRollups).refresh();
    const readers: Actor[] = [
      { userId: 'admin', role: 'admin', organizationId: null, regionCode: null },
      { userId: 'supervisor', role: 'supervisor', organizationId: world.regulatorId, regionCode: '410000' },
      { userId: 'lead', role: 'bank_manager', organizationId: world.henanBankId, regionCode: '410000' },
      { userId: 'deputy', role: 'bank_manager', organizationId: world.henanBank2Id, regionCode: '410000' },
    ];
    const periods: ReportQuery[] = [
      { campaignId },
      { campaignId, from: '2026-05-20', to: '2026-05-20' },
      { campaignId, from: '2026-05-01', to: '2026-05-31' },
      { campaignId, from: '2026-05-21', to: '2026-06-30' },
      { campaignId, from: '2026-02-01', to: '2026-05-30' },
      { campaignId, from: '2026-05-31' },
      { campaignId, regionCode: '410102', from: '2026-05-15', to: '2026-06-15' },
    ];
    for (const reader of readers) {
      for (const query of periods) {
        await expectAsBaseTables(api, reader, query, ['summary', 'regions', 'chains']);
      }
    }
    // The month set is the union of its days: the new enterprise counts once in May.
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    const may = await service.summary(admin, { campaignId, from: '2026-05-01', to: '2026-05-31' });
    const mayDays = await service.summary(admin, { campaignId, from: '2026-05-02', to: '2026-05-31' });
    expect(may.enterprisesVisited).toBe(mayDays.enterprisesVisited);
    const [sets] = await api.dataSource.query<{ months: number; days: number }[]>(
      `SELECT count(*) FILTER (WHERE grain = 'm')::int AS months, count(*) FILTER (WHERE grain = 'd')::int AS days
         FROM report_presence_sets WHERE campaign_id = $1 AND measure = 'v' AND kind = 't'`,
      [campaignId],
    );
    const [visited] = await api.dataSource.query<{ months: number; days: number }[]>(
      `SELECT count(DISTINCT date_trunc('month', visited_on))::int AS months, count(DISTINCT visited_on)::int AS days
         FROM visits WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(sets).toEqual(visited);
    expect(sets?.months).toBeGreaterThanOrEqual(2);
  });
});
