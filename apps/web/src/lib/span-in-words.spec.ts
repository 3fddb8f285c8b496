import { translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { deadlineInWords, spanInWords } from './span-in-words';

const zh = (key: MessageKey, vars?: Record<string, string | number>): string => translate('zh-CN', key, vars);
const en = (key: MessageKey, vars?: Record<string, string | number>): string => translate('en', key, vars);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('a deadline in working words', () => {
  const due = '2026-11-20T15:59:59.999Z';
  it('says the time left within a day in its two largest units', () => {
    const now = Date.parse(due) - (5 * HOUR + 4 * MINUTE + 5_000);
    expect(deadlineInWords(due, now, zh)).toEqual({ text: '剩余 5 小时 4 分钟', overdue: false });
    expect(deadlineInWords(due, now, en)).toEqual({ text: '5 h 4 min left', overdue: false });
  });
  it('says the time left past a day in working days, as an SLA is written', () => {
    // Wednesday 2026-11-18, 20:55 in Shanghai, for a deadline at the end of Friday: Thursday and Friday.
    const now = Date.parse(due) - (2 * DAY + 3 * HOUR + 4 * MINUTE + 5_000);
    expect(deadlineInWords(due, now, zh)).toEqual({ text: '剩余 2 个工作日', overdue: false });
    expect(deadlineInWords(due, now, en)).toEqual({ text: '2 working days left', overdue: false });
    // Monday 2026-11-16 for the same deadline: four working days, the weekend not among them.
    expect(deadlineInWords(due, Date.parse('2026-11-16T02:00:00Z'), zh).text).toBe('剩余 4 个工作日');
  });
  it('says plainly how long a deadline has been passed, in hours or days', () => {
    expect(deadlineInWords(due, Date.parse(due) + 3 * HOUR + 20_000, zh)).toEqual({
      text: '已逾期 3 小时',
      overdue: true,
    });
    // Friday's deadline, read late on Sunday: a weekend alone is no working day, it counts in days.
    expect(deadlineInWords(due, Date.parse(due) + DAY + 10 * MINUTE, zh)).toEqual({
      text: '已逾期 1 天',
      overdue: true,
    });
    expect(deadlineInWords(due, Date.parse(due) + 90 * MINUTE, en)).toEqual({
      text: 'Overdue by 1 h 30 min',
      overdue: true,
    });
  });
  it('never counts seconds for a person', () => {
    expect(spanInWords(17_000, zh)).toBe('不足 1 分钟');
    expect(spanInWords(17_000, en)).toBe('under a minute');
    expect(deadlineInWords(due, Date.parse(due) + 17_000, zh).text).toBe('已逾期 不足 1 分钟');
    expect(spanInWords(5 * MINUTE + 59_000, zh)).toBe('5 分钟');
  });
});
