import * as fc from 'fast-check';
import { fenToWanText, fromFen, isMoney, normalizeMoney, parseAmountText, toFen } from './money';

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

describe('amounts as people type them', () => {
  const fen = fc.bigInt({ min: 0n, max: 10n ** 18n - 1n });
  const grouped = (value: bigint): string => fromFen(value).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');

  it('reads 万 and 亿 exactly, with or without 元, separators and spaces', () => {
    expect(parseAmountText('800万')).toEqual({ ok: true, fen: 800_000_000n });
    expect(parseAmountText('800 万元')).toEqual({ ok: true, fen: 800_000_000n });
    expect(parseAmountText('8,000,000')).toEqual({ ok: true, fen: 800_000_000n });
    expect(parseAmountText('800.5万')).toEqual({ ok: true, fen: 800_500_000n });
    expect(parseAmountText('1.2亿')).toEqual({ ok: true, fen: 12_000_000_000n });
    expect(parseAmountText('¥1 250 000.5元')).toEqual({ ok: true, fen: 125_000_050n });
    expect(parseAmountText('0.000001万')).toEqual({ ok: true, fen: 1n });
  });

  it('refuses what is not an amount, and decimals finer than a fen', () => {
    expect(parseAmountText('  ')).toEqual({ ok: false, error: 'required' });
    expect(parseAmountText('1e6')).toEqual({ ok: false, error: 'invalid' });
    expect(parseAmountText('-5')).toEqual({ ok: false, error: 'invalid' });
    expect(parseAmountText('800千')).toEqual({ ok: false, error: 'invalid' });
    expect(parseAmountText('1.234')).toEqual({ ok: false, error: 'tooManyDecimals' });
    expect(parseAmountText('0.0000001万')).toEqual({ ok: false, error: 'tooManyDecimals' });
  });

  it('reads back every amount written in 万 (format then parse is the identity)', () => {
    fc.assert(
      fc.property(fen, (value) => expect(parseAmountText(fenToWanText(value))).toEqual({ ok: true, fen: value })),
    );
  });

  it('reads back every amount written in yuan with thousands separators', () => {
    fc.assert(fc.property(fen, (value) => expect(parseAmountText(grouped(value))).toEqual({ ok: true, fen: value })));
  });

  it('reads the same amount in 万 as in yuan', () => {
    fc.assert(
      fc.property(fen, (value) =>
        expect(parseAmountText(fenToWanText(value))).toEqual(parseAmountText(fromFen(value))),
      ),
    );
  });
});
