/**
 * Money is yuan with fen precision, a decimal string from end to end (`"31450000000.00"`): never a float.
 * These helpers compute on integer fen held in a BigInt.
 */
import { fromFen, isMoney, parseAmountText, toFen as domainToFen } from '@unblock/domain';

export type Locale = 'zh-CN' | 'en';

const FEN_PER_YUAN = 100n;
const WAN = 10_000n * FEN_PER_YUAN;
const YI = 100_000_000n * FEN_PER_YUAN;

/**
 * "1234.5" → 123450n fen, "-0.07" → -7n; undefined when the text is not a decimal with at most two places.
 * The digits are the domain's money (`isMoney`, `toFen`); a sign is allowed for display.
 */
export function toFen(decimal: string): bigint | undefined {
  const text = decimal.trim();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  if (!isMoney(digits)) return undefined;
  const fen = domainToFen(digits);
  return negative ? -fen : fen;
}

/** 123450n → "1234.50" (the domain's `fromFen`). */
export const fenToDecimal = fromFen;

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

/** `amount / unit`, rounded half away from zero to two places, as "1,234.5" (trailing zeros dropped). */
function inUnit(fen: bigint, unit: bigint): string {
  const hundredths = (fen * 100n + unit / 2n) / unit;
  const whole = group(String(hundredths / 100n));
  const fraction = String(hundredths % 100n)
    .padStart(2, '0')
    .replace(/0+$/u, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * An amount for people to read. English: `¥31,450,000,000.00`. Chinese: in 万 below a hundred million, else
 * in 亿, rounded to two places (`314.5亿元`); nothing at all reads `0万元`, like the amounts it stands among,
 * and an amount below ten thousand reads in 元 without empty fen (`5,000元`, `9,999.99元`). `exactYuan`
 * gives the full value.
 */
export function formatMoney(decimal: string, locale: Locale): string {
  const fen = toFen(decimal);
  if (fen === undefined) return decimal;
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  if (locale === 'en') return `${sign}${exactYuan(fenToDecimal(abs))}`;
  if (abs >= YI) return `${sign}${inUnit(abs, YI)}亿元`;
  if (abs >= WAN || abs === 0n) return `${sign}${inUnit(abs, WAN)}万元`;
  const [whole = '0', fraction = '00'] = fenToDecimal(abs).split('.');
  return `${sign}${group(whole)}${fraction === '00' ? '' : `.${fraction}`}元`;
}

/** The exact amount with thousands separators: `¥31,450,000,000.00`. */
export function exactYuan(decimal: string): string {
  const fen = toFen(decimal);
  if (fen === undefined) return decimal;
  const sign = fen < 0n ? '-' : '';
  const [whole = '0', fraction = '00'] = fenToDecimal(fen < 0n ? -fen : fen).split('.');
  return `${sign}¥${group(whole)}.${fraction}`;
}

export type MoneyInputError = 'required' | 'invalid' | 'tooManyDecimals' | 'notPositive' | 'tooLarge';

export type MoneyInput = { ok: true; value: string } | { ok: false; error: MoneyInputError };

/**
 * What a person typed, as the API's decimal string: separators (`,`, spaces, full-width commas), a ¥, 元 and
 * the units 万 and 亿 are allowed ("800万", "800 万元", "800.5万"), at most fen precision, more than zero,
 * within numeric(18,2). `"1,250,000.5"` → `"1250000.50"`, `"800万"` → `"8000000.00"`.
 */
export function parseMoneyInput(text: string): MoneyInput {
  const read = parseAmountText(text);
  if (!read.ok) return { ok: false, error: read.error };
  const value = fromFen(read.fen);
  if (!isMoney(value)) return { ok: false, error: 'tooLarge' };
  if (read.fen <= 0n) return { ok: false, error: 'notPositive' };
  return { ok: true, value };
}

/**
 * What a typed amount comes to, shown while it is typed: "= 8,000,000.00 元 / 800 万元" in Chinese,
 * "= ¥8,000,000.00 (800 万元)" in English; undefined while the text is not an amount.
 */
export function moneyPreview(text: string, locale: Locale): string | undefined {
  const read = parseMoneyInput(text);
  if (!read.ok) return undefined;
  const fen = domainToFen(read.value);
  const [whole = '0', fraction = '00'] = read.value.split('.');
  const yuan = `${group(whole)}.${fraction}`;
  const wan = fen >= WAN ? `${inUnit(fen, WAN)} 万元` : undefined;
  if (locale === 'en') return wan ? `= ¥${yuan} (${wan})` : `= ¥${yuan}`;
  return wan ? `= ${yuan} 元 / ${wan}` : `= ${yuan} 元`;
}
