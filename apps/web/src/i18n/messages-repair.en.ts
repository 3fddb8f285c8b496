/** The labels of repairable declines (二次诊断): the organizations that repair them (merged into `en`). */
export const repairEn = {
  'admin.kind.government_department': 'Government department',
  'admin.kind.guarantee_institution': 'Government financing guarantee institution',
} as const;
