import { LEAGUE_BY, LEAGUE_INDICATORS, LEAGUE_PERIODS } from '@unblock/reports';
import { LEAGUE_SIZES, leagueBenchmarks } from './league-bench';

/** The league benchmark at tiny size, so it never rots. No speed is asserted here. */
describe('league benchmark (smoke run at tiny size)', () => {
  it('generates a campaign with feedback and loan outcomes, reads every league table and the scan', async () => {
    const results = await leagueBenchmarks({ ...LEAGUE_SIZES.tiny, requests: 1 });
    expect(results).toHaveLength(LEAGUE_INDICATORS.length * LEAGUE_BY.length * LEAGUE_PERIODS.length);
    expect(results[0]?.scenario).toMatch(/^GET \/reports\/league\?indicator=visits&by=region&period=day at /u);
    for (const r of results) {
      expect(r.subjectRates[0]).toBeGreaterThan(0);
      expect(r.baselineRates[0]).toBeGreaterThan(0);
      expect(Number.isFinite(r.medianRatio)).toBe(true);
    }
  }, 120_000);
});
