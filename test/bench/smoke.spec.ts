import { SIZES, runBenchmarks } from './scenarios';

/** The benchmarks at tiny size, so they never rot. A benchmark is not a test: no speed is asserted here. */
describe('benchmarks (smoke run at tiny size)', () => {
  it('runs every scenario against its baseline and reports figures', async () => {
    const results = await runBenchmarks({ ...SIZES.tiny, rounds: 1 });
    const sla = SIZES.tiny.sla.deadlines;
    expect(results.map((r) => r.scenario)).toEqual([
      'POST /visits, 50 concurrent',
      'claims on distinct cases, 50 concurrent',
      'outbox → BullMQ',
      'authenticated trivial GET',
      `import ${SIZES.tiny.importRows} visit rows`,
      `Redis at steady state, ${SIZES.tiny.sla.openCases} open cases`,
      `deadline → escalation committed, ${sla.spread} over ${sla.windowMs / 1000} s + ${sla.burst} at one instant`,
    ]);
    for (const r of results) {
      expect(r.subjectRates[0]).toBeGreaterThan(0);
      expect(r.baselineRates[0]).toBeGreaterThan(0);
      expect(Number.isFinite(r.medianRatio)).toBe(true);
    }
    const race = results[1]?.extra;
    expect(race).toMatchObject({
      'race cases': SIZES.tiny.raceCases,
      'race winners': SIZES.tiny.raceCases,
      'race other': 0,
    });
  }, 240_000);
});
