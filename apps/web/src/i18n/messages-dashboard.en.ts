import { capital, enTerm } from './glossary';

/** The dashboard's funnel, amounts and sortable tables, and the escalation levels as badges (merged into `en`). */
export const dashboardEn = {
  'escalation.level.1': capital(enTerm.supervisionLevel1),
  'escalation.level.2': capital(enTerm.supervisionLevel2),
  'funnel.visited': 'Enterprises visited',
  'funnel.needs': `${capital(enTerm.need)}s`,
  'funnel.matched': capital(enTerm.matching),
  'funnel.approved': capital(enTerm.creditApproval),
  'funnel.signed': capital(enTerm.disbursement),
  'dashboard.funnelStep': '{label}: {value}',
  'dashboard.funnelNote': 'Counts: enterprises visited, then needs. Amounts are shown apart.',
  'dashboard.amounts': 'Amounts',
  'dashboard.sortBy': 'Sort by {column}',
  'dashboard.bankChart': 'Claims, declines and escalations of every bank',
} as const;
