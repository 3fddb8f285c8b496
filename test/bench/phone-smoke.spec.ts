import { PHONE_SIZES, phoneBenchmarks, phoneTable } from './phone-bench';

/** The phone benchmark at tiny size, so it never rots. No speed is asserted here. */
describe('phone benchmark (smoke run at tiny size)', () => {
  it('loads the visit form and the queue on the phone profile and reports each figure beside its threshold', async () => {
    const figures = await phoneBenchmarks(PHONE_SIZES.tiny);
    expect(figures.map((f) => [f.figure, f.unit, f.threshold])).toEqual([
      ['visit form, LCP cold', 'ms', 2500],
      ['visit form, LCP warm', 'ms', 1000],
      ['initial JavaScript on the wire', 'kB', 120],
      [`queue of ${PHONE_SIZES.tiny.cases} cases interactive, cold`, 'ms', 3000],
      [`queue of ${PHONE_SIZES.tiny.cases} cases interactive, warm`, 'ms', 3000],
    ]);
    for (const f of figures) {
      expect(f.values).toHaveLength(PHONE_SIZES.tiny.rounds);
      expect(f.median).toBeGreaterThan(0);
      expect(f.ratio).toBeCloseTo(f.median / f.threshold, 2);
    }
    // Every case of the tiny queue fits its first page.
    expect(figures[3]?.note).toContain(`${PHONE_SIZES.tiny.cases} rows`);
    // The assets travel compressed.
    expect(figures[2]?.note).toMatch(/\((br|gzip)\)/u);
    expect(phoneTable(figures, 'here').split('\n')).toHaveLength(4 + figures.length);
  }, 180_000);
});
