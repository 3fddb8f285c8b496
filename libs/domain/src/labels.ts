import type { CloseResolution } from './case-lifecycle';
import type {
  Bottleneck,
  CasePriority,
  CaseStatus,
  EscalationLevel,
  Obligation,
  Purpose,
  RoutingTier,
  Term,
} from './case';
import { capital, enTerm, zhTerm } from './glossary';

/** The two languages people read Unblock in: the console's locales, and what an export answers in. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A case's enumerations in one language's words: what the console shows and what an export writes. */
export interface CaseWords {
  readonly status: Readonly<Record<CaseStatus, string>>;
  readonly tier: Readonly<Record<RoutingTier, string>>;
  readonly escalationLevel: Readonly<Record<EscalationLevel, string>>;
  readonly purpose: Readonly<Record<Purpose, string>>;
  readonly term: Readonly<Record<Term, string>>;
  readonly bottleneck: Readonly<Record<Bottleneck, string>>;
  readonly priority: Readonly<Record<CasePriority, string>>;
  readonly resolution: Readonly<Record<CloseResolution, string>>;
  readonly obligation: Readonly<Record<Obligation, string>>;
}

const ZH: CaseWords = {
  status: {
    diagnosed: `已${zhTerm.diagnosis}`,
    submitted: '待筛查',
    assigned: '已分派',
    claimed: `已${zhTerm.claim}`,
    approved: `已${zhTerm.creditApproval}`,
    loan_signed: '已签约',
    closed: '已关闭',
    screened_out: '未通过筛查',
    repairing: '二次诊断中',
  },
  tier: { 1: zhTerm.leadBank, 2: zhTerm.deputyBank, 3: zhTerm.memberPool },
  escalationLevel: { 1: zhTerm.supervisionLevel1, 2: zhTerm.supervisionLevel2 },
  purpose: {
    working_capital: '流动资金',
    equipment_upgrade: '设备更新',
    capacity_expansion: '扩大产能',
    technology_rd: '技术研发',
    trade_finance: '贸易融资',
    green_transition: '绿色转型',
    other: '其他',
  },
  term: { short: '短期（一年以内）', medium_long: '中长期' },
  bottleneck: {
    collateral_shortage: '抵押物不足',
    weak_credit_history: '信用记录薄弱',
    high_financing_cost: '融资成本高',
    information_asymmetry: '信息不对称',
    slow_approval: '审批慢',
    guarantee_missing: '缺少担保',
    policy_awareness: '不了解政策',
    other: '其他',
  },
  priority: { normal: '普通', high: '高', urgent: '紧急' },
  resolution: {
    withdrawn: '企业撤回',
    resolved_elsewhere: '已通过其他渠道解决',
    not_eligible: '不符合条件',
    duplicate: '重复需求',
    other: '其他',
  },
  obligation: {
    screening: '筛查',
    claim: zhTerm.claim,
    first_contact: '首次联系',
    decision: '审批决定',
    signing: '签约',
    repair: '修复',
  },
};

const EN: CaseWords = {
  status: {
    diagnosed: 'Diagnosed',
    submitted: 'Awaiting screening',
    assigned: 'Assigned',
    claimed: 'Claimed',
    approved: capital(enTerm.creditApproval),
    loan_signed: capital(enTerm.disbursement),
    closed: 'Closed',
    screened_out: 'Screened out',
    repairing: 'In second diagnosis',
  },
  tier: { 1: capital(enTerm.leadBank), 2: capital(enTerm.deputyBank), 3: capital(enTerm.memberPool) },
  escalationLevel: { 1: capital(enTerm.supervisionLevel1), 2: capital(enTerm.supervisionLevel2) },
  purpose: {
    working_capital: 'Working capital',
    equipment_upgrade: 'Equipment upgrade',
    capacity_expansion: 'Capacity expansion',
    technology_rd: 'Technology R&D',
    trade_finance: 'Trade finance',
    green_transition: 'Green transition',
    other: 'Other',
  },
  term: { short: 'Short term (up to a year)', medium_long: 'Medium or long term' },
  bottleneck: {
    collateral_shortage: 'Collateral shortage',
    weak_credit_history: 'Weak credit history',
    high_financing_cost: 'High financing cost',
    information_asymmetry: 'Information asymmetry',
    slow_approval: 'Slow approval',
    guarantee_missing: 'No guarantee',
    policy_awareness: 'Unaware of policies',
    other: 'Other',
  },
  priority: { normal: 'Normal', high: 'High', urgent: 'Urgent' },
  resolution: {
    withdrawn: 'Withdrawn by the enterprise',
    resolved_elsewhere: 'Resolved elsewhere',
    not_eligible: 'Not eligible',
    duplicate: 'Duplicate',
    other: 'Other',
  },
  obligation: {
    screening: 'Screening',
    claim: capital(enTerm.claim),
    first_contact: 'First contact',
    decision: 'Decision',
    signing: 'Signing',
    repair: 'Repair',
  },
};

/** The words of a case's enumerations, by language: the one source of the console and the exports. */
export const CASE_WORDS: Readonly<Record<Language, CaseWords>> = { 'zh-CN': ZH, en: EN };

/** A label from a table, or the value itself when the table has none (a state added later is never dropped). */
export function labelOf(labels: Readonly<Record<string, string>>, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return labels[String(value)] ?? String(value);
}

const SHANGHAI_DAY_TIME = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a person in China reads it in a message: "12月8日 09:30" (Asia/Shanghai). */
export function shanghaiDayTime(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    SHANGHAI_DAY_TIME.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}
