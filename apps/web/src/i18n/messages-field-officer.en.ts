/** The field officer's words: their visits, their needs, the diagnosis's subject, working offline (merged into `en`). */
export const fieldOfficerEn = {
  'fo.filters': 'Filter my needs',
  'fo.anyEnterprise': 'Any enterprise',
  'fo.noMatch': 'No need matches these filters.',
  'fo.count': '{count} needs shown',
  'fo.countMore': '{count} needs shown; more below',
  'fo.bank': 'Bank',
  'fo.bankTier': '{bank} ({tier})',
  'fo.notRouted': 'Not yet routed',
  'fo.amount': 'Amount requested',
  'fo.enterpriseCases': 'Needs of this enterprise',
  'fo.uscc': 'Unified social credit code',
  'fo.district': 'District',
  'fo.visit': 'Visit',
  'offline.ready':
    'Ready offline: this device holds {enterprises} enterprises of your region and {campaigns} campaigns (as of {at}).',
} as const;
