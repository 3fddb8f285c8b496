import * as fc from 'fast-check';
import { fromFen, isMoney, normalizeMoney, toFen } from './money';

describe('money', () => {
  it('accepts decimal strings of fen precision only', () => {
    expect(isMoney('0')).toBe(true);
    expect(isMoney('31450000000.00')).toBe(true);
    expect(isMoney('1.5')).toBe(true);
    expect(isMoney('1.555')).toBe(false);
    expect(isMoney('-1')).toBe(false);
    expect(isMoney('1e3')).toBe(false);
    expect(isMoney('01')).toBe(false);
    expect(isMoney('')).toBe(false);
  });

  it('round-trips through integer fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), (fen) => {
        expect(toFen(fromFen(fen))).toBe(fen);
      }),
    );
    expect(normalizeMoney('12')).toBe('12.00');
    expect(normalizeMoney('12.5')).toBe('12.50');
  });
});
