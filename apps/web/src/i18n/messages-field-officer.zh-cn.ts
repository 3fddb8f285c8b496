import type { fieldOfficerEn } from './messages-field-officer.en';

/** 走访人员的文字：我的走访、我的需求、诊断对象、离线使用（并入 zhCN）。 */
export const fieldOfficerZhCN: Record<keyof typeof fieldOfficerEn, string> = {
  'fo.filters': '筛选我的需求',
  'fo.anyEnterprise': '不限企业',
  'fo.noMatch': '没有符合筛选条件的需求。',
  'fo.count': '已显示 {count} 条需求',
  'fo.countMore': '已显示 {count} 条需求，下方可加载更多',
  'fo.bank': '承接银行',
  'fo.bankTier': '{bank}（{tier}）',
  'fo.notRouted': '尚未分派',
  'fo.inPool': '成员机构池',
  'fo.amount': '需求金额',
  'fo.enterpriseCases': '查看该企业的需求',
  'fo.uscc': '统一社会信用代码',
  'fo.district': '所在地区',
  'fo.visit': '走访',
  'offline.ready': '可离线使用：本机已存本辖区 {enterprises} 家企业、{campaigns} 个专项行动（{at} 更新）。',
};
