import type { needsEn } from './messages-needs.en';

/** 多渠道需求的文字：无需走访登记需求、导入申报清单（并入 zhCN）。 */
export const needsZhCN: Record<keyof typeof needsEn, string> = {
  'nav.recordNeed': '登记需求',
  'nav.importNeeds': '导入申报清单',
  'need.title': '登记需求',
  'need.intro': '登记通过电话或申报清单获知的融资需求，无需走访。',
  'need.enterprise': '企业',
  'need.pickEnterprise': '请从结果中选择一家企业。',
  'need.campaign': '专项行动',
  'need.pickCampaign': '请选择专项行动',
  'need.channel': '来源',
  'need.submit': '登记需求',
  'need.created': '需求 {number} 已登记：{status}。',
  'need.another': '再登记一条',
  'need.openCase': '查看需求',
  'source.visit': '走访',
  'source.phone': '电话',
  'source.list': '清单',
  'source.enterprise': '企业自主发布',
  'case.source': '来源',
  'needsImport.title': '导入申报清单',
  'needsImport.columns':
    'CSV 或 Excel 文件，列为：统一社会信用代码或企业名称、专项行动、融资需求金额（如 800万）、资金用途、贷款期限、融资堵点（以“、”分隔）、备注、来源（电话或清单，空为清单）。',
  'needsImport.campaign': '未写明专项行动的行适用的专项行动',
  'needsImport.anyCampaign': '以各行所写为准',
  'needsImport.template': '下载模板（CSV）',
};
