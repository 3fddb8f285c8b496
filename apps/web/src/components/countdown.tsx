import { useEffect, useState, type ReactNode } from 'react';
import { useI18n, type Translate } from '../i18n/i18n';

/** The current time, ticking every `intervalMs` (one timer for a whole list: pass `now` down). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const two = (n: number): string => String(n).padStart(2, '0');

/** `2 d 03:04:05` / `03:04:05` for a span of milliseconds (its absolute value, whole seconds). */
export function formatSpan(ms: number, t: Translate): string {
  const total = Math.floor(Math.abs(ms) / SECOND) * SECOND;
  const days = Math.floor(total / DAY);
  const clock = `${two(Math.floor((total % DAY) / HOUR))}:${two(Math.floor((total % HOUR) / MINUTE))}:${two(
    Math.floor((total % MINUTE) / SECOND),
  )}`;
  return days > 0 ? `${t('countdown.days', { n: days })} ${clock}` : clock;
}

/** "3 d 02:00:00 left" or "Overdue by 00:05:00", from the deadline and the current time. */
export function describeCountdown(dueAt: string, now: number, t: Translate): { text: string; overdue: boolean } {
  const left = Date.parse(dueAt) - now;
  const overdue = left <= 0;
  return { text: t(overdue ? 'countdown.overdue' : 'countdown.left', { time: formatSpan(left, t) }), overdue };
}

/**
 * A deadline as a live countdown (the absolute time, Shanghai, beside it). Overdue is said in words and
 * in bold, never by colour alone. A paused case says so instead of ticking.
 */
export function Countdown({ dueAt, now, paused }: { dueAt: string | null; now: number; paused: boolean }): ReactNode {
  const { t, dateTime } = useI18n();
  if (!dueAt) return <span>{t('countdown.none')}</span>;
  if (paused) return <span>{t('countdown.paused', { at: dateTime(dueAt) })}</span>;
  const { text, overdue } = describeCountdown(dueAt, now, t);
  return (
    <span className="countdown" data-overdue={overdue}>
      {overdue ? <strong>{text}</strong> : <span>{text}</span>}{' '}
      <time dateTime={dueAt} className="summary">
        ({t('countdown.due', { at: dateTime(dueAt) })})
      </time>
    </span>
  );
}
