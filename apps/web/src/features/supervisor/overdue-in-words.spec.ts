import { translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { overdueInWords } from './overdue-in-words';

const zh = (key: MessageKey, vars?: Record<string, string | number>): string => translate('zh-CN', key, vars);
const en = (key: MessageKey, vars?: Record<string, string | number>): string => translate('en', key, vars);
const HOUR = 3600;

describe('an escalation overdue, in working words', () => {
  // The end of Thursday 2026-12-03 in Shanghai.
  const due = '2026-12-03T15:59:59.999Z';

  it('counts hours and minutes within a day, never seconds', () => {
    expect(overdueInWords(due, 17, zh)).toBe('已逾期 不足 1 分钟');
    expect(overdueInWords(due, 3 * HOUR - 1, zh)).toBe('已逾期 2 小时 59 分钟');
    expect(overdueInWords(due, 3 * HOUR + 1, en)).toBe('Overdue by 3 h');
    expect(overdueInWords(due, 17 * HOUR, zh)).toBe('已逾期 17 小时');
  });

  it('counts working days past a day, skipping the weekend', () => {
    // Saturday 09:00 in Shanghai: Friday was the one working day.
    expect(overdueInWords(due, (17 + 24) * HOUR, zh)).toBe('已逾期 1 个工作日');
    // Tuesday 09:00: Friday and Monday and Tuesday.
    expect(overdueInWords(due, (17 + 4 * 24) * HOUR, zh)).toBe('已逾期 3 个工作日');
    expect(overdueInWords(due, (17 + 4 * 24) * HOUR, en)).toBe('Overdue by 3 working days');
  });

  it('skips the official holidays', () => {
    // Due at the end of Wednesday 2026-09-30; the National Day week is off, Saturday 2026-10-10 is worked.
    const beforeHoliday = '2026-09-30T15:59:59.999Z';
    const saturdayWorked = (Date.parse('2026-10-10T01:00:00Z') - Date.parse(beforeHoliday)) / 1000;
    expect(overdueInWords(beforeHoliday, saturdayWorked, zh)).toBe('已逾期 3 个工作日');
  });
});
