/** Enumerations of visits, cases and their obligations, as DESIGN.md names them. */
export const VISIT_KINDS = ['policy_promotion', 'on_site_diagnosis', 'gm_visit', 'follow_up'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/**
 * Where a need came from: a visit, a phone call, a list (申报清单), or the enterprise's own page. Staff
 * record `visit`, `phone` and `list`; `enterprise` comes only from the enterprise's page.
 */
export const CASE_SOURCES = ['visit', 'phone', 'list', 'enterprise'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** A case is a financing need, or the renewal (续贷) of a loan contract that falls due. */
export const CASE_KINDS = ['need', 'renewal'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The sources staff record through `POST /cases` and `POST /imports/needs`. */
export const STAFF_CASE_SOURCES = ['visit', 'phone', 'list'] as const satisfies readonly CaseSource[];

/**
 * `submitted`: a need of a campaign with screening, waiting for the task force's check; `screened_out`: terminal,
 * it did not pass; `repairing`: declined for a repairable reason, in its second diagnosis (二次诊断).
 */
export const CASE_STATUSES = [
  'diagnosed',
  'submitted',
  'assigned',
  'claimed',
  'approved',
  'loan_signed',
  'closed',
  'screened_out',
  'repairing',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** 1: the chain's lead bank; 2: its deputy lead bank; 3: the pool. */
export const ROUTING_TIERS = [1, 2, 3] as const;
export type RoutingTier = (typeof ROUTING_TIERS)[number];

export const TERMS = ['short', 'medium_long'] as const;
export type Term = (typeof TERMS)[number];

export const PURPOSES = [
  'working_capital',
  'equipment_upgrade',
  'capacity_expansion',
  'technology_rd',
  'trade_finance',
  'green_transition',
  'other',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const BOTTLENECKS = [
  'collateral_shortage',
  'weak_credit_history',
  'high_financing_cost',
  'information_asymmetry',
  'slow_approval',
  'guarantee_missing',
  'policy_awareness',
  'other',
] as const;
export type Bottleneck = (typeof BOTTLENECKS)[number];

export const DECLINE_REASONS = [
  'outside_credit_policy',
  'insufficient_collateral',
  'credit_risk',
  'not_our_region',
  'enterprise_unreachable',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/**
 * `screening`: the task force's check of a submitted need, on its own clock; `repair`: a repair task of a
 * second diagnosis (one obligation per task, so that a case may hold several at once).
 */
export const OBLIGATIONS = ['screening', 'claim', 'first_contact', 'decision', 'signing', 'repair'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

export const ESCALATION_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const ESCALATION_LEVELS = [1, 2] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const CASE_PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** Whether a campaign holds its new needs for screening (申报清单 → 推荐清单) before they reach the banks. */
export const SCREENING_MODES = ['none', 'required'] as const;
export type ScreeningMode = (typeof SCREENING_MODES)[number];

/** The five criteria a submitted need is screened against. */
export const SCREENING_CRITERIA = [
  'compliantOperation',
  'fixedPremises',
  'genuineNeed',
  'goodCredit',
  'lawfulPurpose',
] as const;
export type ScreeningCriterion = (typeof SCREENING_CRITERIA)[number];

export const SCREENING_DECISIONS = ['recommend', 'screen_out'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/** How a repair task stands: open, or closed by its organization as repaired or not repairable. */
export const REPAIR_TASK_STATUSES = ['open', 'repaired', 'not_repairable', 'cancelled'] as const;
export type RepairTaskStatus = (typeof REPAIR_TASK_STATUSES)[number];

/** How a partner officer closes a repair task. */
export const REPAIR_OUTCOMES = ['repaired', 'not_repairable'] as const;
export type RepairOutcome = (typeof REPAIR_OUTCOMES)[number];
