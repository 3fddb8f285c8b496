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
  it('says the time left in its two largest units', () => {
    const now = Date.parse(due) - (2 * DAY + 3 * HOUR + 4 * MINUTE + 5_000);
    expect(deadlineInWords(due, now, zh)).toEqual({ text: '剩余 2 天 3 小时', overdue: false });
    expect(deadlineInWords(due, now, en)).toEqual({ text: '2 d 3 h left', overdue: false });
  });
  it('says plainly how long a deadline has been passed, in hours or days', () => {
    expect(deadlineInWords(due, Date.parse(due) + 3 * HOUR + 20_000, zh)).toEqual({
      text: '已逾期 3 小时',
      overdue: true,
    });
    expect(deadlineInWords(due, Date.parse(due) + 2 * DAY + 10 * MINUTE, zh)).toEqual({
      text: '已逾期 2 天',
      overdue: true,
    });
    expect(deadlineInWords(due, Date.parse(due) + 90 * MINUTE, en)).toEqual({
      text: 'overdue by 1 h 30 min',
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
