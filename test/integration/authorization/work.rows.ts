import { NOBODY } from '../endpoint-table';

/** The operators' token of the metrics, as the authorization spec's API is configured with it. */
export const METRICS_TOKEN = 'authorization-table-metrics';
import type { AccessContext, Scope } from './access-context';
import type { AccessRow } from './access-table';

let bulletinDays = 0;

/** A new bulletin of the side's region (as the morning job writes one), on a day of its own. */
async function bulletinIn(ctx: AccessContext, scope: Scope): Promise<string> {
  bulletinDays += 1;
  const day = new Date(Date.UTC(2026, 0, bulletinDays)).toISOString().slice(0, 10);
  const regionCode = ctx.side[scope].regionCode;
  const content = {
    regionCode,
    regionName: regionCode,
    day,
    writtenAt: new Date().toISOString(),
    regionLeagues: [],
    bankLeagues: [],
    cases: { overdue: 0, escalated: 0, cases: [] },
    thresholds: {},
    laggards: [],
  };
  const [row] = await ctx.api.dataSource.query<{ id: string }[]>(
    `INSERT INTO bulletins (region_code, day, content) VALUES ($1, $2, $3::jsonb) RETURNING id`,
    [regionCode, day, JSON.stringify(content)],
  );
  if (!row) throw new Error('no bulletin');
  return row.id;
}

/** The escalation queue, imports, reports and health. */
export const WORK_ROWS: readonly AccessRow[] = [
  {
    operation: 'GET /api/v1/escalations',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({
      method: 'GET',
      url: '/api/v1/escalations?limit=200',
      listed: await ctx.escalationIn(scope),
    }),
  },
  {
    operation: 'POST /api/v1/escalations/{id}/acknowledge',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({
      method: 'POST',
      url: `/api/v1/escalations/${await ctx.escalationIn(scope)}/acknowledge`,
      body: {},
    }),
  },
  {
    operation: 'POST /api/v1/imports/enterprises',
    scope: 'self',
    success: 202,
    call: () =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/imports/enterprises',
        raw: 'uscc,name,regionCode,size\n91110000600037341L,示例企业,420100,large\n',
        headers: { 'content-type': 'text/csv' },
      }),
  },
  {
    operation: 'POST /api/v1/imports/visits',
    scope: 'self',
    success: 202,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/imports/visits',
        raw: `campaignId,enterpriseId,visitedOn,kind\n${ctx.side[scope].campaignId},${ctx.side[scope].enterpriseId},2026-06-01,follow_up\n`,
        headers: { 'content-type': 'text/csv' },
      }),
  },
  {
    operation: 'POST /api/v1/imports/needs',
    scope: 'self',
    success: 202,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/imports/needs',
        raw: `campaignId,enterpriseName,requestedAmount,purpose,term\n${ctx.side[scope].campaignId},示例企业,800万,working_capital,short\n`,
        headers: { 'content-type': 'text/csv' },
      }),
  },
  {
    operation: 'GET /api/v1/imports/{id}',
    scope: 'own',
    success: 200,
    // A supervisor imports nothing, so has no import of their own to read: the one they are shown is an officer's.
    inScope: { supervisor: 404 },
    call: async (ctx, scope, role) => ({
      method: 'GET',
      url: `/api/v1/imports/${await importFor(ctx, scope, role)}`,
    }),
  },
  {
    operation: 'POST /api/v1/imports/{id}/retry',
    scope: 'own',
    // Only a failed import runs again: a queued one is refused once it is found (the caller may retry it).
    success: 409,
    call: async (ctx, scope, role) => ({
      method: 'POST',
      url: `/api/v1/imports/${await importFor(ctx, scope, role)}/retry`,
      body: {},
    }),
  },
  {
    operation: 'GET /api/v1/reports/league',
    scope: 'figures',
    success: 200,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'GET',
        url: `/api/v1/reports/league?by=region&indicator=visits&period=month&on=2026-06-15&campaignId=${ctx.side[scope].campaignId}`,
        unknown: `/api/v1/reports/league?by=region&indicator=visits&period=month&on=2026-06-15&campaignId=${NOBODY}`,
      }),
  },
  {
    operation: 'GET /api/v1/bulletins',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({
      method: 'GET',
      url: '/api/v1/bulletins?limit=200',
      listed: await bulletinIn(ctx, scope),
    }),
  },
  {
    operation: 'GET /api/v1/bulletins/{id}',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({ method: 'GET', url: `/api/v1/bulletins/${await bulletinIn(ctx, scope)}` }),
  },
  ...(['summary', 'regions', 'chains', 'banks'] as const).map((report): AccessRow => ({
    operation: `GET /api/v1/reports/${report}`,
    scope: 'figures',
    success: 200,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'GET',
        url: `/api/v1/reports/${report}?campaignId=${ctx.side[scope].campaignId}`,
        unknown: `/api/v1/reports/${report}?campaignId=${NOBODY}`,
      }),
  })),
  {
    // Public to the users' tokens: it takes the operators' token of its own (METRICS_TOKEN) instead.
    operation: 'GET /api/v1/metrics',
    scope: 'self',
    success: 200,
    call: () =>
      Promise.resolve({
        method: 'GET',
        url: '/api/v1/metrics',
        token: null,
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      }),
  },
  {
    operation: 'GET /api/v1/health',
    scope: 'self',
    success: 200,
    call: () => Promise.resolve({ method: 'GET', url: '/api/v1/health' }),
  },
];

/** An import in scope: the caller's own (an admin's of enterprises; a supervisor has none: an officer's); out of scope: another officer's. */
async function importFor(
  ctx: Parameters<AccessRow['call']>[0],
  scope: Parameters<AccessRow['call']>[1],
  role: Parameters<AccessRow['call']>[2],
): Promise<string> {
  if (scope === 'out of scope') return ctx.importBy(ctx.side['out of scope'].officer, 'visits');
  if (role === 'admin') return ctx.importBy(ctx.callers.admin, 'enterprises');
  // A supervisor (or a partner officer) imports nothing: the import they are shown is an officer's.
  const importer = role === 'supervisor' || role === 'partner_officer' ? ctx.callers.field_officer : ctx.callers[role];
  return ctx.importBy(importer, 'visits');
}
