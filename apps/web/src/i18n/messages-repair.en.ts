/** The labels of repairable declines (二次诊断): the organizations that repair them (merged into `en`). */
export const repairEn = {
  'admin.kind.government_department': 'Government department',
  'admin.kind.guarantee_institution': 'Government financing guarantee institution',
  'repair.reasons': 'Decline reasons',
  'repair.newReason': 'New decline reason',
  'repair.code': 'Code',
  'repair.codeHint': 'Lower-case English words joined by underscores, e.g. tax_arrears. It cannot change later.',
  'repair.codeFormat': 'Use lower-case English words joined by underscores.',
  'repair.repairer': 'Repaired by',
  'repair.notRepairable': 'Not repairable',
  'repair.repairer.government_department': 'A government department',
  'repair.repairer.guarantee_institution': 'A government financing guarantee institution',
  'repair.repairer.enterprise': 'The enterprise itself',
  'repair.path': 'How it is repaired',
  'repair.pathHint': 'In plain words for the enterprise: whom to go to and what to do.',
  'repair.pathRequired': 'Say how a repairable cause is repaired.',
  'repair.pickRepairer': 'Pick who repairs it, or clear the repair path.',
} as const;
