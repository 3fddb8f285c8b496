import { zhTerm } from './glossary';
import type { funnelEn } from './messages-funnel.en';

/** 看板的完整漏斗：未通过筛查、按原因的拒绝，以及各地区的漏斗（并入 zhCN）。 */
export const funnelZhCN: Record<keyof typeof funnelEn, string> = {
  'funnel.beside': '漏斗之外',
  'funnel.screenedOut': '未通过筛查需求数',
  'funnel.repaired': '二次诊断修复后退回银行的需求数',
  'funnel.declined': '拒绝数',
  'funnel.declinesByReason': '按原因的拒绝',
  'funnel.noDeclines': '尚无银行拒绝需求。',
  'funnel.declineReasonItem': '{reason}：{count}',
  'funnel.matchedNeeds': `已${zhTerm.matching}需求数`,
  'funnel.approvedNeeds': `已${zhTerm.creditApproval}需求数`,
  'funnel.signedNeeds': `已${zhTerm.disbursement}需求数`,
  'funnel.byRegion': '按地区',
  'funnel.byRegionNote': '所选地区下各地区的漏斗。',
  'funnel.noRegions': '所选地区下没有下级地区。',
  'funnel.region': '地区',
  'funnel.chainLeaders': '链主企业数',
  'funnel.stageNote': `${zhTerm.matching}、${zhTerm.creditApproval}、${zhTerm.disbursement}：曾到达该环节的需求，不论其现状。`,
} as const;
