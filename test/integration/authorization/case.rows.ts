import { NOBODY } from '../endpoint-table';
import type { CaseState } from './access-context';
import type { AccessRow } from './access-table';

/** A case action's row: the state its case is prepared in and a valid body. */
function action(
  segment: string,
  state: CaseState,
  body: (bank2: string) => Record<string, unknown>,
  extra: Partial<AccessRow> = {},
): AccessRow {
  return {
    operation: `POST /api/v1/cases/{id}/${segment}`,
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({
      method: 'POST',
      url: `/api/v1/cases/${await ctx.caseIn(scope, state)}/${segment}`,
      body: body(ctx.world.henanBank2Id),
    }),
    ...extra,
  };
}

const CONTRACT = { amount: '100.00', annualRatePct: '3.2', termMonths: 12, signedOn: '2026-06-01', contractNo: 'AC' };

const ALL_MET = Object.fromEntries(
  ['compliantOperation', 'fixedPremises', 'genuineNeed', 'goodCredit', 'lawfulPurpose'].map((c) => [c, { met: true }]),
);

/** The cases and the visits they come from. */
export const CASE_ROWS: readonly AccessRow[] = [
  {
    operation: 'POST /api/v1/visits',
    scope: 'scoped',
    success: 201,
    // A bank manager records visits only through an import; the officers' form is theirs.
    inScope: { bank_manager: 403 },
    // An enterprise the caller cannot see is bad input, not a missing resource.
    outOfScope: 400,
    call: async (ctx, scope) => ({
      method: 'POST',
      url: '/api/v1/visits',
      body: {
        campaignId: ctx.side[scope].campaignId,
        enterpriseId: ctx.side[scope].enterpriseId,
        kind: 'follow_up',
        visitedOn: '2026-06-02',
      },
    }),
  },
  {
    operation: 'GET /api/v1/visits',
    scope: 'scoped',
    success: 200,
    // A bank sees the cases it works, not the officers' visits.
    hidden: ['bank_manager'],
    call: (ctx, scope) =>
      Promise.resolve({ method: 'GET', url: '/api/v1/visits?limit=200', listed: ctx.side[scope].visitId }),
  },
  {
    operation: 'GET /api/v1/visits/{id}',
    scope: 'scoped',
    success: 200,
    inScope: { bank_manager: 404 },
    call: (ctx, scope) => Promise.resolve({ method: 'GET', url: `/api/v1/visits/${ctx.side[scope].visitId}` }),
  },
  {
    operation: 'POST /api/v1/cases',
    scope: 'scoped',
    success: 201,
    // A bank manager's visit of this enterprise is not theirs to diagnose from (it is the officer's).
    inScope: { bank_manager: 400 },
    outOfScope: 400,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/cases',
        body: {
          visitId: ctx.side[scope].visitId,
          requestedAmount: '1000000',
          purpose: 'working_capital',
          term: 'short',
          bottlenecks: ['information_asymmetry'],
        },
      }),
  },
  {
    operation: 'GET /api/v1/cases',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({
      method: 'GET',
      url: '/api/v1/cases?limit=200',
      listed: await ctx.caseIn(scope, 'assigned'),
    }),
    // A partner officer sees only the cases of their organization's repair tasks.
    hidden: ['partner_officer'],
  },
  {
    // Counts kept to the caller's cases: another side's campaign counts as a campaign that does not exist.
    operation: 'GET /api/v1/cases/counts',
    scope: 'figures',
    success: 200,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'GET',
        url: `/api/v1/cases/counts?campaignId=${ctx.side[scope].campaignId}`,
        unknown: `/api/v1/cases/counts?campaignId=${NOBODY}`,
      }),
  },
  {
    operation: 'GET /api/v1/cases/{id}',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({ method: 'GET', url: `/api/v1/cases/${await ctx.caseIn(scope, 'assigned')}` }),
    // Not a case of their organization's repair tasks.
    inScope: { partner_officer: 404 },
  },
  {
    operation: 'POST /api/v1/cases/{id}/repairs',
    scope: 'scoped',
    success: 201,
    call: async (ctx, scope) => ({
      method: 'POST',
      url: `/api/v1/cases/${await ctx.caseIn(scope, 'repairing')}/repairs`,
      body: { organizationId: ctx.side[scope].departmentId, due: '2099-12-31' },
    }),
  },
  {
    operation: 'GET /api/v1/repairs',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({
      method: 'GET',
      url: '/api/v1/repairs?limit=200',
      listed: await ctx.repairIn(scope),
    }),
  },
  {
    operation: 'POST /api/v1/repairs/{id}/complete',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({
      method: 'POST',
      url: `/api/v1/repairs/${await ctx.repairIn(scope)}/complete`,
      body: { outcome: 'repaired', note: '已补缴' },
    }),
  },
  // A diagnosed case has no bank yet: a bank manager cannot see it.
  action('route', 'diagnosed', () => ({}), { inScope: { bank_manager: 404 } }),
  action('claim', 'assigned', () => ({})),
  action('release', 'claimed', () => ({})),
  action('decline', 'assigned', () => ({ reason: 'credit_risk' })),
  action('milestones', 'claimed', () => ({ type: 'contacted' })),
  action('pause', 'claimed', () => ({})),
  action('resume', 'paused', () => ({})),
  action('approve', 'contacted', () => ({})),
  action('loans', 'approved', () => ({ contracts: [CONTRACT] })),
  action('close', 'assigned', () => ({ resolution: 'withdrawn' })),
  action('reassign', 'assigned', (bank2) => ({ bankId: bank2 })),
  action('extend', 'assigned', () => ({ until: '2030-01-01T00:00:00.000Z' })),
  action('notes', 'assigned', () => ({ text: '备注' })),
  // A submitted need has no bank yet: a bank manager cannot see it.
  action('screen', 'submitted', () => ({ criteria: ALL_MET, decision: 'recommend' }), {
    inScope: { bank_manager: 404 },
  }),
];
