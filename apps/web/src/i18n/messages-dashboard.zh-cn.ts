import { zhTerm } from './glossary';
import type { dashboardEn } from './messages-dashboard.en';

/** 看板的文字（并入 zhCN）：数量漏斗、金额、可排序的表格，以及督办级别。 */
export const dashboardZhCN: Record<keyof typeof dashboardEn, string> = {
  'escalation.level.1': zhTerm.supervisionLevel1,
  'escalation.level.2': zhTerm.supervisionLevel2,
  'funnel.visited': `${zhTerm.visit}企业`,
  'funnel.needs': zhTerm.need,
  'funnel.matched': zhTerm.matching,
  'funnel.approved': zhTerm.creditApproval,
  'funnel.signed': zhTerm.disbursement,
  'dashboard.funnelStep': '{label}：{value}',
  'dashboard.funnelNote': '单位：走访企业为户，其余为笔；金额另列。',
  'dashboard.amounts': '金额',
  'dashboard.sortBy': '按“{column}”排序',
  'dashboard.bankChart': '各银行的认领、拒绝与督办',
};
