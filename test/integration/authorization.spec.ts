import { ROLES } from '@unblock/domain';
import { operationsOf, type Operation } from '../support/access-rules';
import { TestApi } from '../support/test-api';
import { buildAccessContext, SCOPES, type AccessContext } from './authorization/access-context';
import { expectedOf, type AccessRow } from './authorization/access-table';
import { ACCOUNT_ROWS } from './authorization/account.rows';
import { BALANCE_ROWS } from './authorization/balance.rows';
import { CASE_ROWS } from './authorization/case.rows';
import { PORTAL_ROWS } from './authorization/portal.rows';
import { REFERENCE_ROWS } from './authorization/reference.rows';
import { RENEWAL_ROWS } from './authorization/renewal.rows';
import { METRICS_TOKEN, WORK_ROWS } from './authorization/work.rows';

/** The authorization table: one row per operation of the API. */
const ROWS: readonly AccessRow[] = [
  ...ACCOUNT_ROWS,
  ...REFERENCE_ROWS,
  ...CASE_ROWS,
  ...WORK_ROWS,
  ...BALANCE_ROWS,
  ...PORTAL_ROWS,
  ...RENEWAL_ROWS,
];

/**
 * Generated from the OpenAPI document, the access rules (`@Public`, `@Roles`, the lifecycle table) and the
 * table above: every operation × every role × an object in and out of the caller's scope, and without a
 * token. An operation of the document without a row fails, as does a row of no operation.
 */
describe('authorization: every operation, every role, in scope and out of scope', () => {
  let api: TestApi;
  let ctx: AccessContext;
  let operations: Map<string, Operation>;

  beforeAll(async () => {
    api = await TestApi.start({ METRICS_TOKEN });
    ctx = await buildAccessContext(api);
    operations = new Map(operationsOf(api.app).map((o) => [o.key, o]));
  });

  afterAll(async () => {
    await api.stop();
  });

  it('has a row for every operation of the OpenAPI document, and none for an operation it lacks', () => {
    const rows = ROWS.map((r) => r.operation);
    expect([...operations.keys()].filter((key) => !rows.includes(key as AccessRow['operation']))).toEqual([]);
    expect(rows.filter((key) => !operations.has(key))).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
  });

  function operationOf(row: AccessRow): Operation {
    const operation = operations.get(row.operation);
    if (!operation) throw new Error(`${row.operation}: not an operation of the OpenAPI document`);
    return operation;
  }

  describe.each(ROWS.map((row) => [row.operation, row] as const))('%s', (_name, row) => {
    it.each(ROLES.flatMap((role) => SCOPES.map((scope) => [role, scope] as const)))(
      'as %s on an object %s',
      async (role, scope) => {
        const operation = operationOf(row);
        const call = await row.call(ctx, scope, role);
        const response = await api.request<Record<string, unknown>>(call.method, call.url, {
          token: call.token === null ? undefined : (call.token ?? ctx.callers[role].token),
          ...(call.body !== undefined ? { body: call.body } : {}),
          ...(call.raw !== undefined ? { raw: call.raw } : {}),
          ...(call.headers ? { headers: call.headers } : {}),
        });
        const expected = expectedOf(row, operation, role, scope, call.listed !== undefined);
        const got: { status: number; listed?: boolean; asUnknown?: boolean } = { status: response.status };
        if (expected.listed !== undefined) {
          const items = (response.body['items'] ?? []) as { id?: string; code?: string }[];
          got.listed = items.some((item) => item.id === call.listed || item.code === call.listed);
        }
        if (expected.asUnknown !== undefined && call.unknown !== undefined) {
          const unknown = await api.request(call.method, call.unknown, { token: ctx.callers[role].token });
          got.asUnknown = JSON.stringify(unknown.body) === JSON.stringify(response.body);
        }
        expect({ ...got, body: response.body }).toEqual(expect.objectContaining(expected));
        if (response.status >= 400) {
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/u);
        }
      },
    );

    it('without a token answers 401, or as it answers anyone if it is public', async () => {
      const operation = operationOf(row);
      const call = await row.call(ctx, 'in scope', 'admin');
      const response = await api.request(call.method, call.url, {
        ...(call.body !== undefined ? { body: call.body } : {}),
        ...(call.raw !== undefined ? { raw: call.raw } : {}),
        ...(call.headers ? { headers: call.headers } : {}),
      });
      expect(response.status).toBe(operation.guard === 'public' ? row.success : 401);
    });
  });
});
