import { capital, enTerm } from './glossary';

/** The dashboard's whole funnel: screened out, declines by reason, and the funnel per region (merged into `en`). */
export const funnelEn = {
  'funnel.beside': 'Beside the funnel',
  'funnel.screenedOut': 'Needs screened out',
  'funnel.repaired': 'Needs repaired and sent back to the bank',
  'funnel.declined': 'Declines',
  'funnel.declinesByReason': 'Declines by reason',
  'funnel.noDeclines': 'No bank has declined a need.',
  'funnel.declineReasonItem': '{reason}: {count}',
  'funnel.matchedNeeds': `Needs ${enTerm.matching}`,
  'funnel.approvedNeeds': `Needs ${enTerm.creditApproval}`,
  'funnel.signedNeeds': `Needs with a ${enTerm.disbursement}`,
  'funnel.byRegion': 'By region',
  'funnel.byRegionNote': 'The funnel of each region within the one chosen.',
  'funnel.noRegions': 'No region lies within this one.',
  'funnel.region': 'Region',
  'funnel.chainLeaders': 'Chain leaders',
  'funnel.stageNote': `${capital(enTerm.matching)}, ${enTerm.creditApproval} and ${enTerm.disbursement}: needs that reached the stage, whatever their status now.`,
} as const;
