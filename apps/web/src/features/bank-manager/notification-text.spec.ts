import type { Notification } from '../../api/types';
import { translate, type I18n } from '../../i18n/i18n';
import { formatDateTime, formatDay } from '../../lib/dates';
import { formatMoney, type Locale } from '../../lib/money';
import { notificationText, wordedNotification } from './notification-text';

function i18n(locale: Locale): I18n {
  return {
    locale,
    setLocale: () => undefined,
    t: (key, vars) => translate(locale, key, vars),
    money: (decimal) => formatMoney(decimal, locale),
    exact: (decimal) => decimal,
    day: (iso) => formatDay(iso, locale),
    dateTime: (iso) => formatDateTime(iso, locale),
  };
}

function notice(kind: Notification['kind'], data: Record<string, unknown>, title = 'title as written'): Notification {
  return { id: 'n1', kind, caseId: null, title, data, createdAt: '2026-12-07T01:00:00.000Z', readAt: null };
}

describe('a notification in the reader’s words', () => {
  const zh = i18n('zh-CN');
  const en = i18n('en');

  it('names the case and the obligation of an escalation, with its level', () => {
    const level1 = notice('escalation', { level: 1, obligation: 'claim', caseNumber: 'C-2026-000023' });
    expect(notificationText(level1, zh)).toBe('C-2026-000023：认领超时，一级督办');
    expect(notificationText(level1, en)).toBe('C-2026-000023: Claim deadline missed, level 1 escalation');
    const level2 = notice('escalation', { level: 2, obligation: 'first_contact', caseNumber: 'C-2026-000023' });
    expect(notificationText(level2, zh)).toBe('C-2026-000023：首次联系仍未完成，二级督办');
  });

  it('names the bank, with its tier, or the pool that missed the obligation', () => {
    const missed = (data: Record<string, unknown>) =>
      notice('escalation', { level: 1, obligation: 'claim', caseNumber: 'C-2026-000023', ...data });
    const lead = missed({ bankName: '郑州银行', tier: 1 });
    expect(notificationText(lead, zh)).toBe('C-2026-000023：郑州银行（主办行）认领超时，一级督办');
    expect(notificationText(lead, en)).toBe(
      'C-2026-000023: Claim deadline missed at 郑州银行 (lead bank), level 1 escalation',
    );
    expect(notificationText(missed({ bankName: '中原银行', tier: 2 }), zh)).toBe(
      'C-2026-000023：中原银行（协办行）认领超时，一级督办',
    );
    const pool = missed({ tier: 3 });
    expect(notificationText(pool, zh)).toBe('C-2026-000023：成员机构池认领超时，一级督办');
    expect(notificationText(pool, en)).toBe(
      'C-2026-000023: Claim deadline missed in the member institution pool, level 1 escalation',
    );
    const poolLevel2 = notice('escalation', { level: 2, obligation: 'claim', caseNumber: 'C-2026-000023', tier: 3 });
    expect(notificationText(poolLevel2, zh)).toBe('C-2026-000023：成员机构池认领仍未完成，二级督办');
    // Nobody in the pool (every bank declined): no bank is left to claim it, not a pool that missed it.
    const unclaimable = (level: number) =>
      notice('escalation', { level, obligation: 'claim', caseNumber: 'C-2026-000023', tier: 3, unclaimable: true });
    expect(notificationText(unclaimable(1), zh)).toBe('C-2026-000023：已无银行可认领，一级督办');
    expect(notificationText(unclaimable(2), zh)).toBe('C-2026-000023：已无银行可认领，二级督办');
    expect(notificationText(unclaimable(2), en)).toBe('C-2026-000023: no bank is left to claim it, level 2 escalation');
    // A renewal's bank is the lender, named without a tier.
    expect(notificationText(missed({ bankName: '郑州银行' }), zh)).toBe('C-2026-000023：郑州银行认领超时，一级督办');
    const contact = notice('escalation', {
      level: 2,
      obligation: 'first_contact',
      caseNumber: 'C-2026-000023',
      bankName: '中原银行',
      tier: 2,
    });
    expect(notificationText(contact, en)).toBe(
      'C-2026-000023: First contact still not done at 中原银行 (deputy lead bank), level 2 escalation',
    );
  });

  it('gives a reminder’s deadline in Shanghai time, never as an ISO instant', () => {
    const reminder = notice('reminder', {
      obligation: 'decision',
      dueAt: '2026-12-08T01:30:00.000Z',
      caseNumber: 'C-2026-000007',
    });
    expect(notificationText(reminder, zh)).toBe('C-2026-000007：审批决定将于 2026年12月8日 09:30 到期');
    expect(notificationText(reminder, en)).toMatch(/^C-2026-000007: Decision due Dec 8, 2026, 09:30$/u);
  });

  it('words the digest, the bulletin and a maturity from their data', () => {
    expect(notificationText(notice('digest', { day: '2026-12-06', overdue: 5 }), zh)).toBe(
      '2026年12月6日每日汇总：5 件需求逾期',
    );
    expect(notificationText(notice('digest', { day: '2026-12-06', overdue: 5 }), en)).toBe(
      'Daily digest of Dec 6, 2026: 5 overdue cases',
    );
    expect(notificationText(notice('bulletin', { day: '2026-12-06', bulletinId: 'b1' }), en)).toBe(
      'The daily bulletin of Dec 6, 2026 is out',
    );
    const maturity = notice('maturity', {
      contractNo: 'HT-2026-001',
      enterpriseName: '聊城轴承科技有限公司',
      amount: '5000000.00',
      maturesOn: '2027-01-15',
      daysBefore: 30,
    });
    expect(notificationText(maturity, zh)).toBe(
      '聊城轴承科技有限公司的贷款（合同 HT-2026-001，500万元）将于 2027年1月15日 到期，还有 30 个工作日',
    );
  });

  it('falls back to the title as written when the data lacks what the sentence needs', () => {
    const old = notice('escalation', { level: 1, obligation: 'claim' }, '旧的标题');
    expect(notificationText(old, zh)).toBe('旧的标题');
    // Only such a title has the kind label beside it in the inbox: a worded sentence names its kind.
    expect(wordedNotification(old, zh)).toBeUndefined();
    expect(notificationText(notice('reminder', { obligation: 'unknown', caseNumber: 'C-1', dueAt: 'x' }), zh)).toBe(
      'title as written',
    );
  });
});
