import type { repairEn } from './messages-repair.en';

/** 二次诊断（可修复的拒绝）的文字：负责修复的机构（并入 zhCN）。 */
export const repairZhCN: Record<keyof typeof repairEn, string> = {
  'admin.kind.government_department': '政府部门',
  'admin.kind.guarantee_institution': '政府性融资担保机构',
  'repair.reasons': '拒绝原因',
  'repair.newReason': '新增拒绝原因',
  'repair.code': '代码',
  'repair.codeHint': '小写英文单词，以下划线连接，例如 tax_arrears；创建后不可修改。',
  'repair.codeFormat': '请使用以下划线连接的小写英文单词。',
  'repair.repairer': '修复单位',
  'repair.notRepairable': '不可修复',
  'repair.repairer.government_department': '政府部门',
  'repair.repairer.guarantee_institution': '政府性融资担保机构',
  'repair.repairer.enterprise': '企业自身',
  'repair.path': '修复路径',
  'repair.pathHint': '用企业看得懂的话写明：找哪个部门、办什么事。',
  'repair.pathRequired': '可修复的原因须写明修复路径。',
  'repair.pickRepairer': '请选择修复单位，或清空修复路径。',
};
