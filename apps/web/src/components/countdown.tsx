import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { deadlineInWords } from '../lib/span-in-words';

/**
 * The current time, ticking every `intervalMs` (one timer for a whole list: pass `now` down). Deadlines are
 * read in minutes at the finest, so a tick every quarter minute is enough.
 */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * A deadline in working words ("剩余 2 天 3 小时", "已逾期 3 小时"), the absolute time (Shanghai) beside it.
 * Overdue is said in words and in bold, never by colour alone. A paused case says so instead of counting.
 */
export function Countdown({ dueAt, now, paused }: { dueAt: string | null; now: number; paused: boolean }): ReactNode {
  const { t, dateTime } = useI18n();
  if (!dueAt) return <span>{t('countdown.none')}</span>;
  if (paused) return <span>{t('countdown.paused', { at: dateTime(dueAt) })}</span>;
  const { text, overdue } = deadlineInWords(dueAt, now, t);
  return (
    <span className="countdown" data-overdue={overdue}>
      {overdue ? <strong>{text}</strong> : <span>{text}</span>}{' '}
      <time dateTime={dueAt} className="summary">
        ({t('countdown.due', { at: dateTime(dueAt) })})
      </time>
    </span>
  );
}
