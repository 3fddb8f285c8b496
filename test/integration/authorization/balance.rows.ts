import type { Scope } from './access-context';
import type { AccessRow } from './access-table';

/** Months of the rows' reports, each call its own (a month reported again would be a correction, 200). */
let reported = 0;
function nextMonth(): string {
  reported += 1;
  const index = 2020 * 12 + reported;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A balance of the side's bank to the side's enterprise, reported by its bank manager. */
async function balanceIn(ctx: Parameters<AccessRow['call']>[0], scope: Scope): Promise<string> {
  const side = ctx.side[scope];
  const answer = await ctx.api.request<{ id: string }>('POST', '/api/v1/loan-balances', {
    token: side.manager.token,
    body: { enterpriseId: side.enterpriseId, month: nextMonth(), balance: '1000.00', mediumLongBalance: '0.00' },
  });
  if (answer.status !== 201) throw new Error(`a balance of the side: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/** Banks' loan balances and their report. */
export const BALANCE_ROWS: readonly AccessRow[] = [
  {
    // A bank manager reports for their own bank: naming another is refused (403), not hidden.
    operation: 'POST /api/v1/loan-balances',
    scope: 'scoped',
    success: 201,
    outOfScope: 403,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/loan-balances',
        body: {
          enterpriseId: ctx.side['in scope'].enterpriseId,
          bankId: ctx.side[scope].bankId,
          month: nextMonth(),
          balance: '2000.00',
          mediumLongBalance: '500.00',
        },
      }),
  },
  {
    operation: 'GET /api/v1/loan-balances',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({
      method: 'GET',
      url: '/api/v1/loan-balances?limit=200',
      listed: await balanceIn(ctx, scope),
    }),
  },
  {
    operation: 'GET /api/v1/loan-balances/{id}',
    scope: 'scoped',
    success: 200,
    call: async (ctx, scope) => ({ method: 'GET', url: `/api/v1/loan-balances/${await balanceIn(ctx, scope)}` }),
  },
  {
    operation: 'POST /api/v1/imports/loan-balances',
    scope: 'self',
    success: 202,
    call: () =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/imports/loan-balances',
        raw: '统一社会信用代码,月份,贷款余额(元),其中中长期贷款余额(元)\n91110000600037341L,2026-01,1000.00,0\n',
        headers: { 'content-type': 'text/csv' },
      }),
  },
  {
    operation: 'GET /api/v1/reports/balances',
    scope: 'figures',
    success: 200,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'GET',
        url: `/api/v1/reports/balances?asOf=2026-01&groupBy=bank&regionCode=${ctx.side[scope].regionCode}`,
        unknown: '/api/v1/reports/balances?asOf=2026-01&groupBy=bank&regionCode=990000',
      }),
  },
];
