import type { repairEn } from './messages-repair.en';

/** 二次诊断（可修复的拒绝）的文字：负责修复的机构（并入 zhCN）。 */
export const repairZhCN: Record<keyof typeof repairEn, string> = {
  'admin.kind.government_department': '政府部门',
  'admin.kind.guarantee_institution': '政府性融资担保机构',
};
