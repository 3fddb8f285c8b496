import { CASE_STATUSES, type CaseStatus } from './case';
import { STAFF_ROLES, type Role } from './roles';

/**
 * The case lifecycle as data: from which statuses an action may be taken, by whom, and where it leads.
 * One small function applies it; the use cases add the checks that need the case's data (who claimed it,
 * which bank holds it).
 */
export const CASE_ACTIONS = [
  'route',
  'claim',
  'release',
  'decline',
  'milestone',
  'pause',
  'resume',
  'approve',
  'sign',
  'close',
  'reassign',
  'extend',
  'note',
  'claim_timeout',
  'submit',
  'recommend',
  'screen_out',
  'decline_to_repair',
  'open_repair',
  'repaired',
  'not_repairable',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface CaseTransition {
  readonly from: readonly CaseStatus[];
  readonly action: CaseAction;
  /** `unchanged`: the action records something and leaves the status as it is. */
  readonly to: CaseStatus | 'unchanged';
  readonly who: readonly Role[];
}

const OPEN: readonly CaseStatus[] = ['diagnosed', 'assigned', 'claimed', 'approved', 'repairing'];
/** A submitted need may be closed (withdrawn, a duplicate) before its screening. */
const CLOSABLE: readonly CaseStatus[] = [...OPEN, 'submitted'];
const AT_A_BANK: readonly CaseStatus[] = ['assigned', 'claimed', 'approved'];
const SUPERVISION: readonly Role[] = ['supervisor', 'admin'];

export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  { from: ['diagnosed'], action: 'route', to: 'assigned', who: ['field_officer', ...SUPERVISION] },
  { from: ['assigned'], action: 'claim', to: 'claimed', who: ['bank_manager'] },
  { from: ['claimed'], action: 'release', to: 'assigned', who: ['bank_manager'] },
  { from: AT_A_BANK, action: 'decline', to: 'assigned', who: ['bank_manager'] },
  { from: ['claimed'], action: 'milestone', to: 'unchanged', who: ['bank_manager'] },
  { from: ['claimed', 'approved'], action: 'pause', to: 'unchanged', who: ['bank_manager'] },
  { from: ['claimed', 'approved'], action: 'resume', to: 'unchanged', who: ['bank_manager'] },
  { from: ['claimed'], action: 'approve', to: 'approved', who: ['bank_manager'] },
  { from: ['approved', 'loan_signed'], action: 'sign', to: 'loan_signed', who: ['bank_manager'] },
  { from: CLOSABLE, action: 'close', to: 'closed', who: ['field_officer', ...SUPERVISION] },
  { from: OPEN, action: 'reassign', to: 'assigned', who: SUPERVISION },
  { from: AT_A_BANK, action: 'extend', to: 'unchanged', who: SUPERVISION },
  { from: CASE_STATUSES, action: 'note', to: 'unchanged', who: STAFF_ROLES },
  // The system's: a claim deadline passed, the case moves on to the next tier.
  { from: ['assigned'], action: 'claim_timeout', to: 'assigned', who: [] },
  // Screening (申报清单 → 推荐清单): a need of a campaign with screening is submitted, not routed; the task
  // force recommends it (routed by "1+2+N" at once) or screens it out.
  { from: ['diagnosed'], action: 'submit', to: 'submitted', who: [] },
  { from: ['submitted'], action: 'recommend', to: 'assigned', who: SUPERVISION },
  { from: ['submitted'], action: 'screen_out', to: 'screened_out', who: SUPERVISION },
  // Repairable declines (二次诊断): a decline for a repairable reason puts the case in its second diagnosis; a
  // supervisor opens repair tasks; a task repaired sends it back to the bank that declined; with every task not
  // repairable, a supervisor routes it on (next tier), reassigns or closes it.
  { from: AT_A_BANK, action: 'decline_to_repair', to: 'repairing', who: ['bank_manager'] },
  { from: ['repairing'], action: 'open_repair', to: 'unchanged', who: SUPERVISION },
  { from: ['repairing'], action: 'repaired', to: 'assigned', who: ['partner_officer', ...SUPERVISION] },
  { from: ['repairing'], action: 'not_repairable', to: 'unchanged', who: ['partner_officer', ...SUPERVISION] },
  { from: ['repairing'], action: 'route', to: 'assigned', who: SUPERVISION },
];

export type TransitionCheck =
  { readonly ok: true; readonly to: CaseStatus } | { readonly ok: false; readonly reason: 'forbidden' | 'illegal' };

/**
 * Whether `role` may take `action` on a case in `status`: `forbidden` when the role never may (403),
 * `illegal` when it may, but not from this status (409).
 */
export function checkTransition(status: CaseStatus, action: CaseAction, role: Role): TransitionCheck {
  const candidates = CASE_TRANSITIONS.filter((t) => t.action === action && t.who.includes(role));
  if (candidates.length === 0) return { ok: false, reason: 'forbidden' };
  const transition = candidates.find((t) => t.from.includes(status));
  if (!transition) return { ok: false, reason: 'illegal' };
  return { ok: true, to: transition.to === 'unchanged' ? status : transition.to };
}

/** Whether the system (the router, the SLA clock) may take `action` from `status`. */
export function checkSystemTransition(status: CaseStatus, action: CaseAction): TransitionCheck {
  const transition = CASE_TRANSITIONS.find((t) => t.action === action && t.from.includes(status));
  if (!transition) return { ok: false, reason: 'illegal' };
  return { ok: true, to: transition.to === 'unchanged' ? status : transition.to };
}

/** The roles that may take an action at all (for 403 answers and documentation). */
export function rolesFor(action: CaseAction): readonly Role[] {
  return [...new Set(CASE_TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.who))];
}

export const MILESTONES = ['contacted', 'due_diligence', 'intention'] as const;
export type Milestone = (typeof MILESTONES)[number];

export const CLOSE_RESOLUTIONS = ['withdrawn', 'resolved_elsewhere', 'not_eligible', 'duplicate', 'other'] as const;
export type CloseResolution = (typeof CLOSE_RESOLUTIONS)[number];
