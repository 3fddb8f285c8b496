/**
 * Money is yuan with fen precision, carried as a decimal string ("31450000000.00") and computed in
 * integer fen (bigint). It never passes through a float.
 */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/u;

/** True for a non-negative decimal string of at most 16 integer digits and 2 decimals (numeric(18,2)). */
export function isMoney(value: string): boolean {
  return MONEY_PATTERN.test(value);
}

export function toFen(value: string): bigint {
  if (!isMoney(value)) throw new RangeError(`not a money amount: ${value}`);
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole ?? '0') * 100n + BigInt(fraction.padEnd(2, '0'));
}

export function fromFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${sign}${(abs / 100n).toString()}.${fraction}`;
}

/** Canonical form with exactly two decimals ("12" → "12.00"). */
export function normalizeMoney(value: string): string {
  return fromFen(toFen(value));
}

/** 万 and 亿 in fen, and how many decimals each may carry so the amount stays in whole fen. */
const UNITS: Readonly<Record<string, { fen: bigint; decimals: number }>> = {
  '': { fen: 100n, decimals: 2 },
  万: { fen: 1_000_000n, decimals: 6 },
  亿: { fen: 10_000_000_000n, decimals: 10 },
};

export type AmountTextError = 'required' | 'invalid' | 'tooManyDecimals';

/**
 * An amount as people type it, in integer fen: "8000000", "8,000,000.00", "¥8 000 000元", "800万", "800 万元",
 * "800.5万", "1.2亿". Separators (commas, full-width commas, spaces) and a leading ¥ are dropped; a 万 or 亿
 * multiplies exactly, so "800.5万" is 8,005,000.00 and never passes through a float. No sign: amounts are typed
 * positive.
 */
export function parseAmountText(text: string): { ok: true; fen: bigint } | { ok: false; error: AmountTextError } {
  const compact = text
    .replace(/[\s,，]/gu, '')
    .replace(/^[¥￥]/u, '')
    .replace(/元$/u, '');
  if (compact === '') return { ok: false, error: 'required' };
  const match = /^(\d+)(?:\.(\d*))?(万|亿)?$/u.exec(compact);
  if (!match) return { ok: false, error: 'invalid' };
  const [, whole = '0', fraction = '', unitName = ''] = match;
  const unit = UNITS[unitName];
  if (unit === undefined) return { ok: false, error: 'invalid' };
  if (fraction.length > unit.decimals) return { ok: false, error: 'tooManyDecimals' };
  const scale = 10n ** BigInt(unit.decimals);
  const scaled = BigInt(whole) * scale + BigInt(fraction.padEnd(unit.decimals, '0') || '0');
  return { ok: true, fen: (scaled * unit.fen) / scale };
}

/** Integer fen as an exact amount in 万 ("800.5万"), trailing zeros dropped: `parseAmountText` reads it back. */
export function fenToWanText(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const per = UNITS['万']?.fen ?? 1_000_000n;
  const fraction = (abs % per).toString().padStart(6, '0').replace(/0+$/u, '');
  return `${sign}${(abs / per).toString()}${fraction ? `.${fraction}` : ''}万`;
}
