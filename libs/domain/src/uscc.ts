/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 symbols from a 31-symbol alphabet (digits and upper-case letters without I, O, S, V, Z).
 * Position 18 is a check character: for positions i = 1..17 the weight is 3^(i-1) mod 31;
 * check = 31 - (sum of value × weight mod 31), where 31 maps to 0.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;

const WEIGHTS: readonly number[] = Array.from({ length: USCC_LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

/** NFKC (full-width to half-width), upper case, every kind of white space removed. */
export function normalizeUscc(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/\s+/gu, '');
}

/** The check character for the first 17 symbols, or null when one of them is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== USCC_LENGTH - 1) return null;
  let sum = 0;
  for (let i = 0; i < first17.length; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

/** True when the already-normalized code has 18 symbols of the alphabet and a matching check character. */
export function isValidUscc(normalized: string): boolean {
  if (normalized.length !== USCC_LENGTH) return false;
  const expected = usccCheckCharacter(normalized.slice(0, USCC_LENGTH - 1));
  return expected !== null && expected === normalized.charAt(USCC_LENGTH - 1);
}
