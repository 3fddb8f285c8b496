import {
  WEEKENDS_ONLY,
  businessCalendar,
  businessDaysBetween,
  median,
  deadlineAfter,
  isBusinessDay,
  parseSlaDuration,
  reminderBefore,
  type BusinessCalendar,
} from './business-time';
import { CHINA_2025, CHINA_2026, CHINA_SCHEDULES } from './china-holidays';

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

describe('China’s 2025 and 2026 schedules', () => {
  const calendar = businessCalendar(
    CHINA_SCHEDULES.flatMap((s) => s.holidays),
    CHINA_SCHEDULES.flatMap((s) => s.workdays),
  );

  it('ships both years, with the adjusted Saturdays and Sundays as working days', () => {
    expect(CHINA_2026.holidays).toContain('2026-02-17');
    expect(CHINA_2026.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CHINA_2025.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    for (const date of [...CHINA_2025.workdays, ...CHINA_2026.workdays]) {
      expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
      expect(isBusinessDay(date, calendar)).toBe(true);
    }
  });

  it('counts across the 2026 Spring Festival: the adjusted Saturday 14 February works, 15-23 February rest', () => {
    // Friday 13 February 2026, 10:00: 1 BD → Saturday 14 (adjusted working day); 2 BD → Tuesday 24.
    const friday = new Date('2026-02-13T10:00:00+08:00');
    expect(deadlineAfter(friday, { businessDays: 1 }, calendar).toISOString()).toBe('2026-02-14T15:59:59.999Z');
    expect(deadlineAfter(friday, { businessDays: 2 }, calendar).toISOString()).toBe('2026-02-24T15:59:59.999Z');
    // Claim, 3 BD, from Thursday 12 February → Fri 13, Sat 14, Tue 24.
    expect(deadlineAfter(new Date('2026-02-12T09:00:00+08:00'), { businessDays: 3 }, calendar).toISOString()).toBe(
      '2026-02-24T15:59:59.999Z',
    );
    // Saturday 28 February is a working day too.
    expect(deadlineAfter(new Date('2026-02-27T09:00:00+08:00'), { businessDays: 1 }, calendar).toISOString()).toBe(
      '2026-02-28T15:59:59.999Z',
    );
  });

  it('counts across the 2025 Spring Festival: Sunday 26 January and Saturday 8 February work', () => {
    const friday = new Date('2025-01-24T10:00:00+08:00');
    expect(deadlineAfter(friday, { businessDays: 1 }, calendar).toISOString()).toBe('2025-01-26T15:59:59.999Z');
    expect(deadlineAfter(friday, { businessDays: 2 }, calendar).toISOString()).toBe('2025-01-27T15:59:59.999Z');
    expect(deadlineAfter(friday, { businessDays: 3 }, calendar).toISOString()).toBe('2025-02-05T15:59:59.999Z');
  });

  it('counts across National Day 2026: Sunday 20 September and Saturday 10 October work', () => {
    // Tuesday 29 September + 3 BD: Wed 30, Thu 8 Oct, Fri 9 Oct.
    const from = new Date('2026-09-29T10:00:00+08:00');
    expect(deadlineAfter(from, { businessDays: 3 }, calendar).toISOString()).toBe('2026-10-09T15:59:59.999Z');
    expect(deadlineAfter(from, { businessDays: 4 }, calendar).toISOString()).toBe('2026-10-10T15:59:59.999Z');
    expect(isBusinessDay('2026-09-20', calendar)).toBe(true);
    // 15 BD decision from Friday 18 September 2026 crosses the Mid-Autumn and National Day holidays.
    expect(deadlineAfter(new Date('2026-09-18T10:00:00+08:00'), { businessDays: 15 }, calendar).toISOString()).toBe(
      '2026-10-15T15:59:59.999Z',
    );
  });

  it('counts across National Day 2025: Sunday 28 September and Saturday 11 October work', () => {
    const from = new Date('2025-09-26T10:00:00+08:00');
    expect(deadlineAfter(from, { businessDays: 1 }, calendar).toISOString()).toBe('2025-09-28T15:59:59.999Z');
    expect(deadlineAfter(from, { businessDays: 2 }, calendar).toISOString()).toBe('2025-09-29T15:59:59.999Z');
    expect(deadlineAfter(from, { businessDays: 4 }, calendar).toISOString()).toBe('2025-10-09T15:59:59.999Z');
    expect(deadlineAfter(from, { businessDays: 6 }, calendar).toISOString()).toBe('2025-10-11T15:59:59.999Z');
  });

  it('reminds one business day before, stepping back over the holiday', () => {
    const due = new Date('2026-02-24T15:59:59.999Z');
    expect(reminderBefore(due, { businessDays: 1 }, calendar).toISOString()).toBe('2026-02-14T15:59:59.999Z');
    expect(reminderBefore(due, { milliseconds: 10_000 }, calendar).toISOString()).toBe('2026-02-24T15:59:49.999Z');
  });
});

describe('business days between, and medians', () => {
  it('counts the business days after the first day up to the last', () => {
    const friday = new Date('2026-11-27T10:00:00+08:00');
    expect(businessDaysBetween(friday, new Date('2026-11-27T18:00:00+08:00'), WEEKENDS_ONLY)).toBe(0);
    expect(businessDaysBetween(friday, new Date('2026-11-30T09:00:00+08:00'), WEEKENDS_ONLY)).toBe(1);
    expect(businessDaysBetween(friday, new Date('2026-12-04T09:00:00+08:00'), WEEKENDS_ONLY)).toBe(5);
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
