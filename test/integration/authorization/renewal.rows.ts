import { randomUUID } from 'node:crypto';
import type { AccessRow } from './access-table';
import type { AccessContext, Scope } from './access-context';

/** A new loan contract of the side's enterprise at the side's bank, maturing on 5 January 2030. */
async function contractIn(ctx: AccessContext, scope: Scope): Promise<string> {
  const caseId = await ctx.caseIn(scope, 'approved');
  const contractNo = `RN-${randomUUID()}`;
  const signed = await ctx.api.request('POST', `/api/v1/cases/${caseId}/loans`, {
    token: ctx.side[scope].manager.token,
    body: {
      contracts: [
        {
          amount: '100.00',
          annualRatePct: '3.2',
          termMonths: 12,
          signedOn: '2026-06-01',
          maturesOn: '2030-01-05',
          contractNo,
        },
      ],
    },
  });
  if (signed.status !== 200) throw new Error(`loans: ${signed.status} ${JSON.stringify(signed.body)}`);
  const [row] = await ctx.api.dataSource.query<{ id: string }[]>(
    'SELECT id FROM loan_contracts WHERE contract_no = $1',
    [contractNo],
  );
  return String(row?.id);
}

/** Renewals (续贷) and the maturity calendar: staff by region or holding bank; the enterprise its own contracts. */
export const RENEWAL_ROWS: readonly AccessRow[] = [
  {
    operation: 'GET /api/v1/contracts/maturing',
    scope: 'scoped',
    success: 200,
    call: async (ctx, s) => ({
      method: 'GET',
      url: '/api/v1/contracts/maturing?from=2030-01-05&to=2030-01-05',
      listed: await contractIn(ctx, s),
    }),
  },
  {
    operation: 'POST /api/v1/contracts/{id}/renewal',
    scope: 'scoped',
    success: 201,
    call: async (ctx, s) => ({
      method: 'POST',
      url: `/api/v1/contracts/${await contractIn(ctx, s)}/renewal`,
      body: {},
    }),
  },
  {
    operation: 'POST /api/v1/portal/contracts/{id}/renewal',
    scope: 'portal',
    success: 201,
    call: async (ctx, s) => {
      const side = ctx.side['in scope'];
      const link = await ctx.api.request('POST', `/api/v1/enterprises/${side.enterpriseId}/links`, {
        token: side.officer.token,
        body: {},
      });
      return {
        method: 'POST',
        url: `/api/v1/portal/contracts/${await contractIn(ctx, s)}/renewal`,
        token: null,
        headers: { 'x-portal-token': String(link.body['url']).split('/e/')[1] ?? '' },
        body: {},
      };
    },
  },
];
