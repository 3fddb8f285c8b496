import type { Actor } from '@unblock/domain';
import { READER_REFRESH, REPORTS_REFRESH_LOCK, ReportRollups, ReportsService } from '@unblock/reports';
import type { World } from '../support/fixtures';
import type { TestApi } from '../support/test-api';
import { startReportsWorld } from './reports-fixture';

/** Refreshing and rebuilding the rollups: what a reader leaves to the worker, marks made meanwhile. */
describe('campaign reports', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    ({ api, world } = await startReportsWorld());
  });

  afterAll(async () => {
    await api.stop();
  });

  it('reads the rollups, and rebuilds them from the base tables', async () => {
    const service = api.app.get(ReportsService);
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    const before = await service.summary(admin, {});
    expect(before.signedAmount).toBe('3200000.04');
    await api.dataSource.query(
      'TRUNCATE report_day_figures, report_visit_presence, report_loan_presence, report_presence_sets',
    );
    expect(await service.summary(admin, {})).toMatchObject({ visits: 0, enterprisesVisited: 0, signedAmount: '0.00' });
    expect((await api.app.get(ReportRollups).rebuild()).days).toBeGreaterThan(0);
    expect(await service.summary(admin, {})).toEqual(before);
    expect(await service.chains(admin, {})).toEqual(await service.fromBaseTables().chains(admin, {}));
  });

  it('leaves stale days holding more visits than a reader may recompute to the worker', async () => {
    const rollups = api.app.get(ReportRollups);
    await rollups.refresh();
    await api.dataSource.query(`INSERT INTO report_dirty_days (campaign_id, day) VALUES ($1, '2026-06-01')`, [
      world.provinceCampaignId,
    ]);
    expect(await rollups.refresh({ maxVisits: 0 })).toBeNull();
    expect(await rollups.refresh({ maxDays: 0 })).toBeNull();
    const [left] = await api.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM report_dirty_days');
    expect(left?.n).toBe(1);
    expect(await rollups.refresh({ maxDays: 1, maxVisits: 1000 })).toEqual({ days: 1 });
  });

  it('keeps a day marked stale when it changed after the refresh read it', async () => {
    const rollups = api.app.get(ReportRollups);
    await rollups.refresh();
    // A mark committed by another transaction while a refresh runs is not in the refresh's snapshot,
    // so the refresh leaves it; the next refresh recomputes that day.
    const other = api.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query(`INSERT INTO report_dirty_days (campaign_id, day) VALUES ($1, '2026-06-01')`, [
        world.provinceCampaignId,
      ]);
      const during = rollups.refresh();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await other.commitTransaction();
      await during;
    } finally {
      await other.release();
    }
    const [left] = await api.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM report_dirty_days');
    expect(left?.n).toBe(1);
    expect((await rollups.refresh())?.days).toBe(1);
  });

  it('a reader waits for a refresh another process is running, then recomputes what stayed stale', async () => {
    const rollups = api.app.get(ReportRollups);
    await rollups.refresh();
    await api.dataSource.query(`INSERT INTO report_dirty_days (campaign_id, day) VALUES ($1, '2026-06-01')`, [
      world.provinceCampaignId,
    ]);
    // Another process (the worker) holds the refresh's lock, in a snapshot taken before the mark above.
    const worker = api.dataSource.createQueryRunner();
    await worker.connect();
    try {
      await worker.startTransaction();
      await worker.query('SELECT pg_advisory_xact_lock($1)', [REPORTS_REFRESH_LOCK]);
      expect(await rollups.refresh()).toBeNull();
      const reader = rollups.refresh(READER_REFRESH);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await worker.commitTransaction();
      // Before, a reader skipped the refresh and read figures without the write it had just made.
      await expect(reader).resolves.toEqual({ days: 1 });
    } finally {
      await worker.release();
    }
    expect(await rollups.refresh({ waitMs: 0 })).toEqual({ days: 0 });
  });
});
