import { formatDateTime, formatDay, todayInShanghai } from './dates';

describe('dates in Asia/Shanghai', () => {
  it('prints an instant in Shanghai time whatever the machine zone', () => {
    // 2026-03-04T17:30Z is 01:30 on the 5th in Shanghai.
    expect(formatDateTime('2026-03-04T17:30:00.000Z', 'zh-CN')).toBe('2026年3月5日 01:30');
    expect(formatDateTime('2026-03-04T17:30:00.000Z', 'en')).toBe('Mar 5, 2026, 01:30');
  });

  it('prints a calendar day as that day', () => {
    expect(formatDay('2026-03-05', 'zh-CN')).toBe('2026年3月5日');
    expect(formatDay('2026-03-05', 'en')).toBe('Mar 5, 2026');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });

  it('knows the day in Shanghai', () => {
    expect(todayInShanghai(new Date('2026-03-04T16:00:00.000Z'))).toBe('2026-03-05');
    expect(todayInShanghai(new Date('2026-03-04T15:59:59.000Z'))).toBe('2026-03-04');
  });
});
