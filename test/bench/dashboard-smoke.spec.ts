import { DASHBOARD_SIZES, dashboardBenchmarks } from './dashboard-bench';

/** The dashboard benchmark at tiny size, so it never rots. No speed is asserted here. */
describe('dashboard benchmark (smoke run at tiny size)', () => {
  it('generates a campaign, reads the dashboards and the full scan, and reports figures', async () => {
    const results = await dashboardBenchmarks({ ...DASHBOARD_SIZES.tiny, rounds: 1, requests: 3 });
    expect(results.map((r) => r.scenario.split(' at ')[0])).toEqual([
      'GET /reports/summary',
      'GET /reports/chains',
      'GET /reports/summary, one month',
      'GET /reports/chains, one month',
      'GET /reports/summary, a city',
      "bank manager's GET /reports/summary",
      "bank manager's GET /cases first page",
    ]);
    for (const r of results) {
      expect(r.subjectRates[0]).toBeGreaterThan(0);
      expect(r.baselineRates[0]).toBeGreaterThan(0);
      expect(Number.isFinite(r.medianRatio)).toBe(true);
    }
  }, 120_000);
});
