import type { StaffRole } from '@unblock/domain';

/**
 * Who may do what to a case or visit, in scope and out of it: one row per endpoint, the status each role
 * gets on an object in its scope. Out of scope, every role but admin gets 404 (admin: as in scope).
 * The access spec generates its tests from this table.
 */
/** `contacted`: claimed, with a contacted milestone (approval comes after contact). */
export type CaseState = 'diagnosed' | 'assigned' | 'claimed' | 'contacted' | 'paused' | 'approved';

export interface CaseActionRow {
  readonly action: string;
  readonly state: CaseState;
  readonly body: Record<string, unknown>;
  readonly inScope: Readonly<Record<StaffRole, number>>;
}

const BANK_ONLY = { admin: 403, field_officer: 403, bank_manager: 200, supervisor: 403 } as const;

export const CASE_ACTIONS: readonly CaseActionRow[] = [
  // A diagnosed case has no bank yet: a bank manager cannot see it.
  {
    action: 'route',
    state: 'diagnosed',
    body: {},
    inScope: { admin: 200, field_officer: 200, bank_manager: 404, supervisor: 200 },
  },
  { action: 'claim', state: 'assigned', body: {}, inScope: BANK_ONLY },
  { action: 'release', state: 'claimed', body: {}, inScope: BANK_ONLY },
  { action: 'decline', state: 'assigned', body: { reason: 'credit_risk' }, inScope: BANK_ONLY },
  { action: 'milestones', state: 'claimed', body: { type: 'contacted' }, inScope: BANK_ONLY },
  { action: 'pause', state: 'claimed', body: {}, inScope: BANK_ONLY },
  { action: 'resume', state: 'paused', body: {}, inScope: BANK_ONLY },
  { action: 'approve', state: 'contacted', body: {}, inScope: BANK_ONLY },
  {
    action: 'loans',
    state: 'approved',
    body: {
      contracts: [{ amount: '100.00', annualRatePct: '3.2', termMonths: 12, signedOn: '2026-06-01', contractNo: 'AC' }],
    },
    inScope: BANK_ONLY,
  },
  {
    action: 'close',
    state: 'assigned',
    body: { resolution: 'withdrawn' },
    inScope: { admin: 200, field_officer: 200, bank_manager: 403, supervisor: 200 },
  },
  {
    action: 'reassign',
    state: 'assigned',
    body: { bankId: 'BANK2' },
    inScope: { admin: 200, field_officer: 403, bank_manager: 403, supervisor: 200 },
  },
  {
    action: 'extend',
    state: 'assigned',
    body: { until: '2030-01-01T00:00:00.000Z' },
    inScope: { admin: 200, field_officer: 403, bank_manager: 403, supervisor: 200 },
  },
  {
    action: 'notes',
    state: 'assigned',
    body: { text: '备注' },
    inScope: { admin: 200, field_officer: 200, bank_manager: 200, supervisor: 200 },
  },
];

/** Reads and creations, in scope. */
export const CASE_READS = {
  getCase: { admin: 200, field_officer: 200, bank_manager: 200, supervisor: 200 },
  getVisit: { admin: 200, field_officer: 200, bank_manager: 404, supervisor: 200 },
  createVisit: { admin: 403, field_officer: 201, bank_manager: 403, supervisor: 403 },
  createCase: { admin: 403, field_officer: 201, bank_manager: 400, supervisor: 403 },
} as const satisfies Record<string, Readonly<Record<StaffRole, number>>>;

/** Creations out of scope: a reference to an object the caller cannot see is bad input (400). */
export const CASE_CREATES_OUT_OF_SCOPE = {
  createVisit: { admin: 403, field_officer: 400, bank_manager: 400, supervisor: 403 },
  createCase: { admin: 403, field_officer: 400, bank_manager: 400, supervisor: 403 },
} as const satisfies Record<string, Readonly<Record<StaffRole, number>>>;
