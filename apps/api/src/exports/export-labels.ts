import type {
  Bottleneck,
  CasePriority,
  CaseStatus,
  CloseResolution,
  Purpose,
  RoutingTier,
  Term,
} from '@unblock/domain';

/** The words of the exports, in the trade's own terms (as the console's zh-CN catalogue says them). */
export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  diagnosed: '已诊断',
  submitted: '待筛查',
  assigned: '已分派',
  claimed: '已认领',
  approved: '已审批',
  loan_signed: '已签约',
  closed: '已关闭',
  screened_out: '未通过筛查',
};

/** A case's escalation level as supervisors name it (督办). */
export const ESCALATION_LEVEL_LABELS: Readonly<Record<number, string>> = { 1: '一级督办', 2: '二级督办' };

export const TIER_LABELS: Readonly<Record<RoutingTier, string>> = { 1: '主办行', 2: '协办行', 3: '成员机构池' };

export const PURPOSE_LABELS: Readonly<Record<Purpose, string>> = {
  working_capital: '流动资金',
  equipment_upgrade: '设备更新',
  capacity_expansion: '扩大产能',
  technology_rd: '技术研发',
  trade_finance: '贸易融资',
  green_transition: '绿色转型',
  other: '其他',
};

export const TERM_LABELS: Readonly<Record<Term, string>> = { short: '短期（一年以内）', medium_long: '中长期' };

export const BOTTLENECK_LABELS: Readonly<Record<Bottleneck, string>> = {
  collateral_shortage: '抵押物不足',
  weak_credit_history: '信用记录薄弱',
  high_financing_cost: '融资成本高',
  information_asymmetry: '信息不对称',
  slow_approval: '审批慢',
  guarantee_missing: '缺少担保',
  policy_awareness: '不了解政策',
  other: '其他',
};

export const PRIORITY_LABELS: Readonly<Record<CasePriority, string>> = { normal: '普通', high: '高', urgent: '紧急' };

export const RESOLUTION_LABELS: Readonly<Record<CloseResolution, string>> = {
  withdrawn: '企业撤回',
  resolved_elsewhere: '已通过其他渠道解决',
  not_eligible: '不符合条件',
  duplicate: '重复需求',
  other: '其他',
};

/** A label from a table, or the value itself when the table has none (never dropped). */
export function labelOf(labels: Readonly<Record<string, string>>, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return labels[String(value)] ?? String(value);
}
