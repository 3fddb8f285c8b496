import { zhTerm } from './glossary';
import type { inboxEn } from './messages-inbox.en';

/** 消息：每条消息按其类型和数据写成一句话（并入 zhCN）。 */
export const inboxZhCN: Record<keyof typeof inboxEn, string> = {
  'inbox.escalation.1': '{number}：{obligation}超时，一级督办',
  'inbox.escalation.2': '{number}：{obligation}仍未完成，二级督办',
  'inbox.escalation.bank.1': '{number}：{bank}{obligation}超时，一级督办',
  'inbox.escalation.bank.2': '{number}：{bank}{obligation}仍未完成，二级督办',
  'inbox.escalation.pool.1': `{number}：${zhTerm.memberPool}{obligation}超时，一级督办`,
  'inbox.escalation.pool.2': `{number}：${zhTerm.memberPool}{obligation}仍未完成，二级督办`,
  'inbox.escalation.unclaimable.1': '{number}：已无银行可认领，一级督办',
  'inbox.escalation.unclaimable.2': '{number}：已无银行可认领，二级督办',
  'inbox.reminder': '{number}：{obligation}将于 {dueAt} 到期',
  'inbox.digest': '{day}每日汇总：{n} 件需求逾期',
  'inbox.bulletin': '{day}日通报已发布',
  'inbox.maturity': '{enterprise}的贷款（合同 {contractNo}，{amount}）将于 {maturesOn} 到期，还有 {n} 个工作日',
};
