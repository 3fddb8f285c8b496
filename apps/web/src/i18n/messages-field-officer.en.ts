/** The field officer's words: their visits, their needs, the diagnosis's subject, working offline (merged into `en`). */
export const fieldOfficerEn = {
  'fo.filters': 'Filter my cases',
  'fo.anyEnterprise': 'Any enterprise',
  'fo.noMatch': 'No case matches these filters.',
  'fo.count': '{count} cases shown',
  'fo.countMore': '{count} cases shown; more below',
  'fo.bank': 'Bank',
  'fo.bankTier': '{bank} ({tier})',
  'fo.notRouted': 'Not yet routed',
  'fo.inPool': 'Member institution pool',
  'fo.amount': 'Amount requested',
  'fo.enterpriseCases': 'Cases of this enterprise',
  'fo.uscc': 'Unified social credit code',
  'fo.district': 'District',
  'fo.visit': 'Visit',
  'offline.ready':
    'Ready offline: this device holds the enterprises of your region ({enterprises}) and the campaigns ({campaigns}), as of {at}.',
} as const;
