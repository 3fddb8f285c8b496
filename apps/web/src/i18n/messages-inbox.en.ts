import { enTerm } from './glossary';

/** The inbox: each notification worded from its kind and data (spread into en). */
export const inboxEn = {
  'inbox.escalation.1': '{number}: {obligation} deadline missed, level 1 escalation',
  'inbox.escalation.2': '{number}: {obligation} still not done, level 2 escalation',
  'inbox.escalation.bank.1': '{number}: {obligation} deadline missed at {bank}, level 1 escalation',
  'inbox.escalation.bank.2': '{number}: {obligation} still not done at {bank}, level 2 escalation',
  'inbox.escalation.pool.1': `{number}: {obligation} deadline missed in the ${enTerm.memberPool}, level 1 escalation`,
  'inbox.escalation.pool.2': `{number}: {obligation} still not done in the ${enTerm.memberPool}, level 2 escalation`,
  'inbox.escalation.unclaimable.1': '{number}: no bank is left to claim it, level 1 escalation',
  'inbox.escalation.unclaimable.2': '{number}: no bank is left to claim it, level 2 escalation',
  'inbox.reminder': '{number}: {obligation} due {dueAt}',
  'inbox.digest': 'Daily digest of {day}: {n} overdue cases',
  'inbox.bulletin': 'The daily bulletin of {day} is out',
  'inbox.maturity': '{enterprise}: contract {contractNo} ({amount}) matures on {maturesOn}, in {n} business days',
};
