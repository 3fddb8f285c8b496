import { WEEKENDS_ONLY, deadlineAfter, isBusinessDay, parseSlaDuration, type BusinessCalendar } from './business-time';

describe('business time', () => {
  it('parses business days and ISO 8601 durations', () => {
    expect(parseSlaDuration('3BD')).toEqual({ businessDays: 3 });
    expect(parseSlaDuration('PT30S')).toEqual({ milliseconds: 30_000 });
    expect(parseSlaDuration('P1DT2H')).toEqual({ milliseconds: 26 * 3600_000 });
    expect(parseSlaDuration('PT1.5S')).toEqual({ milliseconds: 1500 });
    for (const bad of ['3', 'BD', 'P', 'PT', '3 BD', 'P1W', '-3BD', '']) expect(parseSlaDuration(bad)).toBeNull();
  });

  it('ends a business-day deadline at the end of its last business day, Asia/Shanghai', () => {
    // Monday 2026-11-23 10:00 in Shanghai; 3 business days → Thursday 2026-11-26 23:59:59.999 +08:00.
    const from = new Date('2026-11-23T02:00:00Z');
    expect(deadlineAfter(from, { businessDays: 3 }, WEEKENDS_ONLY).toISOString()).toBe('2026-11-26T15:59:59.999Z');
  });

  it('skips weekends: Friday + 1 business day is Monday', () => {
    const friday = new Date('2026-11-27T09:00:00+08:00');
    expect(deadlineAfter(friday, { businessDays: 1 }, WEEKENDS_ONLY).toISOString()).toBe('2026-11-30T15:59:59.999Z');
  });

  it('counts the local day: 23:30 UTC on Sunday is Monday morning in Shanghai', () => {
    const from = new Date('2026-11-22T23:30:00Z');
    expect(deadlineAfter(from, { businessDays: 1 }, WEEKENDS_ONLY).toISOString()).toBe('2026-11-24T15:59:59.999Z');
  });

  it('honours holidays and adjusted working days', () => {
    const calendar: BusinessCalendar = {
      holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
      workdays: new Set(['2026-10-10']),
      utcOffsetMinutes: 480,
    };
    expect(isBusinessDay('2026-10-01', calendar)).toBe(false);
    expect(isBusinessDay('2026-10-10', calendar)).toBe(true);
    // Wednesday 30 September + 2 business days: 8 October (Thursday), then 9 October.
    const from = new Date('2026-09-30T10:00:00+08:00');
    expect(deadlineAfter(from, { businessDays: 2 }, calendar).toISOString()).toBe('2026-10-09T15:59:59.999Z');
    expect(deadlineAfter(from, { businessDays: 3 }, calendar).toISOString()).toBe('2026-10-10T15:59:59.999Z');
  });

  it('adds ISO durations in plain time', () => {
    const from = new Date('2026-11-21T12:00:00Z');
    expect(deadlineAfter(from, { milliseconds: 30_000 }, WEEKENDS_ONLY).toISOString()).toBe('2026-11-21T12:00:30.000Z');
  });
});
