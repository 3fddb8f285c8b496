import { BALANCES_SIZES, balancesBenchmarks } from './balances-bench';

/** The balances benchmark at tiny size, so it never rots. No speed is asserted here. */
describe('balances benchmark (smoke run at tiny size)', () => {
  it('writes a province of balances, reads every breakdown and the scan, and reports figures', async () => {
    const results = await balancesBenchmarks({ ...BALANCES_SIZES.tiny, requests: 2 });
    expect(results).toHaveLength(10);
    for (const r of results) {
      expect(r.subjectRates[0]).toBeGreaterThan(0);
      expect(r.baselineRates[0]).toBeGreaterThan(0);
      expect(Number.isFinite(r.medianRatio)).toBe(true);
    }
  }, 120_000);
});
