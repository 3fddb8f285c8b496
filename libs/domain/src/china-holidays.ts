/**
 * China's official public-holiday schedules (国务院办公厅关于部分节假日安排的通知) for 2025 and 2026:
 * the days off that fall on weekdays, and the adjusted working days (调休) that fall on weekends.
 */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export interface HolidaySchedule {
  readonly year: number;
  /** Every day off of each holiday, weekends inside it included. */
  readonly holidays: readonly string[];
  /** Weekend days that are working days. */
  readonly workdays: readonly string[];
}

export const CHINA_2025: HolidaySchedule = {
  year: 2025,
  holidays: [
    '2025-01-01', // 元旦
    ...days('2025-01-28', '2025-02-04'), // 春节
    ...days('2025-04-04', '2025-04-06'), // 清明节
    ...days('2025-05-01', '2025-05-05'), // 劳动节
    ...days('2025-05-31', '2025-06-02'), // 端午节
    ...days('2025-10-01', '2025-10-08'), // 国庆节、中秋节
  ],
  workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

export const CHINA_2026: HolidaySchedule = {
  year: 2026,
  holidays: [
    ...days('2026-01-01', '2026-01-03'), // 元旦
    ...days('2026-02-15', '2026-02-23'), // 春节
    ...days('2026-04-04', '2026-04-06'), // 清明节
    ...days('2026-05-01', '2026-05-05'), // 劳动节
    ...days('2026-06-19', '2026-06-21'), // 端午节
    ...days('2026-09-25', '2026-09-27'), // 中秋节
    ...days('2026-10-01', '2026-10-07'), // 国庆节
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

export const CHINA_SCHEDULES: readonly HolidaySchedule[] = [CHINA_2025, CHINA_2026];
