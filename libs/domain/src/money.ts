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
