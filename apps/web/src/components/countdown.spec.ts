import { translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { describeCountdown } from './countdown';

const zh = (key: MessageKey, vars?: Record<string, string | number>): string => translate('zh-CN', key, vars);
const en = (key: MessageKey, vars?: Record<string, string | number>): string => translate('en', key, vars);

describe('the deadline countdown', () => {
  const due = '2026-11-20T15:59:59.999Z';
  it('counts down days, hours, minutes and seconds', () => {
    const now = Date.parse(due) - (2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_000);
    expect(describeCountdown(due, now, en)).toEqual({ text: '2 d 03:04:05 left', overdue: false });
    expect(describeCountdown(due, now, zh)).toEqual({ text: '剩余 2天 03:04:05', overdue: false });
  });
  it('says plainly when the deadline has passed', () => {
    const now = Date.parse(due) + 90 * 60_000;
    expect(describeCountdown(due, now, en)).toEqual({ text: 'Overdue by 01:30:00', overdue: true });
    expect(describeCountdown(due, now, zh)).toEqual({ text: '已逾期 01:30:00', overdue: true });
  });
});
