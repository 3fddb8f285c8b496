import Negotiator from 'negotiator';
import { fenToWanText, isMoney, toFen, type Language } from '@unblock/domain';

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as people in China read it in a spreadsheet: "2026-06-01 14:30" (Asia/Shanghai). */
export function shanghaiMinute(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const at = value instanceof Date ? value : new Date(value);
  return Number.isNaN(at.getTime()) ? String(value) : SHANGHAI.format(at);
}

/** Today's date in Asia/Shanghai, "2026-12-07", for the names of exported files. */
export function shanghaiToday(now: Date = new Date()): string {
  return SHANGHAI.format(now).slice(0, 10);
}

/** An exact amount in 万元 beside its exact yuan: "8005000.00" → "800.5"; empty when there is none. */
export function wanYuan(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined || !isMoney(decimal)) return '';
  return fenToWanText(toFen(decimal)).replace(/万$/u, '');
}

/**
 * The language an export speaks: English when `Accept-Language` prefers English (en, en-US…) over Chinese;
 * Chinese for zh, zh-CN, no header, other languages and text that does not parse.
 */
export function exportLanguage(header: string | undefined): Language {
  const chosen = new Negotiator({ headers: { 'accept-language': header ?? '' } }).language(['zh-CN', 'en']);
  return chosen === 'en' ? 'en' : 'zh-CN';
}
