import type { AccessRow, Call } from './access-table';
import type { AccessContext, Scope } from './access-context';

/**
 * A fresh token of the in-scope side's enterprise (made by its officer; it rotates the one before). The
 * enterprise's page is the same whoever calls it: no bearer token goes with the call.
 */
async function portalToken(ctx: AccessContext): Promise<string> {
  const side = ctx.side['in scope'];
  const link = await ctx.api.request('POST', `/api/v1/enterprises/${side.enterpriseId}/links`, {
    token: side.officer.token,
    body: {},
  });
  if (link.status !== 201) throw new Error(`link: ${link.status} ${JSON.stringify(link.body)}`);
  return String(link.body['url']).split('/e/')[1] ?? '';
}

async function portalCall(ctx: AccessContext, method: Call['method'], path: string, body?: object): Promise<Call> {
  return {
    method,
    url: `/api/v1/portal${path}`,
    token: null,
    headers: { 'x-portal-token': await portalToken(ctx) },
    ...(body === undefined ? {} : { body }),
  };
}

/** A case of the side whose outcome is known: closed by the side's supervisor. */
async function closedCaseIn(ctx: AccessContext, scope: Scope): Promise<string> {
  const caseId = await ctx.caseIn(scope, 'assigned');
  const closed = await ctx.api.request('POST', `/api/v1/cases/${caseId}/close`, {
    token: ctx.side[scope].supervisor.token,
    body: { resolution: 'not_eligible' },
  });
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  return caseId;
}

/** Enterprise links (staff in the enterprise's region) and the enterprise's own page (its link's token). */
export const PORTAL_ROWS: readonly AccessRow[] = [
  {
    operation: 'POST /api/v1/enterprises/{id}/links',
    scope: 'scoped',
    success: 201,
    call: (ctx, s) =>
      Promise.resolve({ method: 'POST', url: `/api/v1/enterprises/${ctx.side[s].enterpriseId}/links`, body: {} }),
  },
  {
    operation: 'GET /api/v1/enterprises/{id}/links',
    scope: 'scoped',
    success: 200,
    call: (ctx, s) => Promise.resolve({ method: 'GET', url: `/api/v1/enterprises/${ctx.side[s].enterpriseId}/links` }),
  },
  {
    operation: 'DELETE /api/v1/enterprises/{id}/links/{linkId}',
    scope: 'scoped',
    success: 200,
    call: async (ctx, s) => {
      const side = ctx.side[s];
      const link = await ctx.api.request('POST', `/api/v1/enterprises/${side.enterpriseId}/links`, {
        token: side.officer.token,
        body: {},
      });
      return { method: 'DELETE', url: `/api/v1/enterprises/${side.enterpriseId}/links/${String(link.body['id'])}` };
    },
  },
  { operation: 'GET /api/v1/portal/me', scope: 'self', success: 200, call: (ctx) => portalCall(ctx, 'GET', '/me') },
  {
    operation: 'GET /api/v1/portal/cases',
    scope: 'self',
    success: 200,
    call: (ctx) => portalCall(ctx, 'GET', '/cases'),
  },
  {
    operation: 'POST /api/v1/portal/cases',
    scope: 'self',
    success: 201,
    call: (ctx) =>
      portalCall(ctx, 'POST', '/cases', {
        requestedAmount: '1000000.00',
        purpose: 'working_capital',
        term: 'short',
        bottlenecks: ['other'],
      }),
  },
  {
    operation: 'POST /api/v1/portal/cases/{id}/contact-confirmation',
    scope: 'portal',
    success: 200,
    call: async (ctx, s) =>
      portalCall(ctx, 'POST', `/cases/${await ctx.caseIn(s, 'contacted')}/contact-confirmation`, { contacted: true }),
  },
  {
    operation: 'POST /api/v1/portal/cases/{id}/rating',
    scope: 'portal',
    success: 200,
    call: async (ctx, s) => portalCall(ctx, 'POST', `/cases/${await closedCaseIn(ctx, s)}/rating`, { score: 5 }),
  },
];
