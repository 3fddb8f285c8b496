import { newCountyCode } from '../../support/fixtures';
import type { OperationKey } from '../../support/access-rules';
import { ENDPOINTS } from '../reference-endpoints';
import type { AccessRow, Call, ScopeKind } from './access-table';
import type { AccessContext, Scope } from './access-context';

/**
 * A row whose valid request is the reference-endpoint table's (reference-endpoints.ts): an admin's write, or
 * a read of reference data every role reads.
 */
function fromEndpointTable(operation: OperationKey, success: number): AccessRow {
  const [method, path] = operation.split(' ') as [Call['method'], string];
  const tablePath = path.replace('/api/v1', '').replace(/\{(\w+)\}/gu, ':$1');
  const endpoint = ENDPOINTS.find((e) => e.method === method && e.path === tablePath);
  if (!endpoint) throw new Error(`${operation}: not in the reference-endpoint table`);
  return {
    operation,
    scope: 'global',
    success,
    call: (ctx) =>
      Promise.resolve({
        method,
        url: endpoint.url(ctx.world),
        ...(endpoint.body ? { body: endpoint.body(ctx.world) } : {}),
      }),
  };
}

/** A read of one object or a list, of each side's object. */
function read(
  operation: OperationKey,
  scope: ScopeKind,
  target: (ctx: AccessContext, scope: Scope) => string,
  extra: Partial<AccessRow> = {},
): AccessRow {
  const [, path] = operation.split(' ') as [string, string];
  const isList = !/\{\w+\}$/u.test(path);
  return {
    operation,
    scope,
    success: 200,
    call: (ctx, s) =>
      Promise.resolve(
        isList
          ? { method: 'GET', url: `${path}?limit=200`, listed: target(ctx, s) }
          : { method: 'GET', url: path.replace(/\{\w+\}$/u, target(ctx, s)) },
      ),
    ...extra,
  };
}

/** Reference data: regions, organizations, chains, enterprises, campaigns, calendars, SLA policies, users. */
export const REFERENCE_ROWS: readonly AccessRow[] = [
  read('GET /api/v1/regions', 'global', (ctx, s) => ctx.side[s].regionCode),
  read('GET /api/v1/regions/{code}', 'global', (ctx, s) => ctx.side[s].regionCode),
  {
    operation: 'POST /api/v1/regions',
    scope: 'global',
    success: 201,
    call: (ctx, s) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/regions',
        body: { code: newCountyCode(ctx.side[s].regionCode), name: '新区', parentCode: ctx.side[s].regionCode },
      }),
  },
  read('GET /api/v1/organizations', 'global', (ctx, s) => ctx.side[s].bankId),
  read('GET /api/v1/organizations/{id}', 'global', (ctx, s) => ctx.side[s].bankId),
  fromEndpointTable('POST /api/v1/organizations', 201),
  {
    ...fromEndpointTable('PATCH /api/v1/organizations/{id}', 200),
    call: (ctx, s) =>
      Promise.resolve({
        method: 'PATCH',
        url: `/api/v1/organizations/${ctx.side[s].bankId}`,
        body: { webhookUrl: 'http://127.0.0.1:9/hooks', webhookSecret: 'a-secret-of-sixteen-plus' },
      }),
  },
  read('GET /api/v1/industrial-chains', 'scoped', (ctx, s) => ctx.side[s].chainId),
  read('GET /api/v1/industrial-chains/{id}', 'scoped', (ctx, s) => ctx.side[s].chainId),
  fromEndpointTable('POST /api/v1/industrial-chains', 201),
  {
    ...fromEndpointTable('PATCH /api/v1/industrial-chains/{id}', 200),
    call: (ctx, s) =>
      Promise.resolve({
        method: 'PATCH',
        url: `/api/v1/industrial-chains/${ctx.side[s].chainId}`,
        body: { name: `改名的产业链${s}` },
      }),
  },
  read('GET /api/v1/enterprises', 'scoped', (ctx, s) => ctx.side[s].enterpriseId),
  read('GET /api/v1/enterprises/{id}', 'scoped', (ctx, s) => ctx.side[s].enterpriseId),
  fromEndpointTable('POST /api/v1/enterprises', 201),
  {
    ...fromEndpointTable('PATCH /api/v1/enterprises/{id}', 200),
    call: (ctx, s) =>
      Promise.resolve({
        method: 'PATCH',
        url: `/api/v1/enterprises/${ctx.side[s].enterpriseId}`,
        body: { tags: ['high_tech'] },
      }),
  },
  read('GET /api/v1/campaigns', 'scoped', (ctx, s) => ctx.side[s].campaignId),
  read('GET /api/v1/campaigns/{id}', 'scoped', (ctx, s) => ctx.side[s].campaignId),
  fromEndpointTable('POST /api/v1/campaigns', 201),
  {
    ...fromEndpointTable('PATCH /api/v1/campaigns/{id}', 200),
    call: (ctx, s) =>
      Promise.resolve({
        method: 'PATCH',
        url: `/api/v1/campaigns/${ctx.side[s].campaignId}`,
        body: { targetVisits: 255 },
      }),
  },
  fromEndpointTable('GET /api/v1/decline-reasons', 200),
  fromEndpointTable('POST /api/v1/decline-reasons', 201),
  fromEndpointTable('PATCH /api/v1/decline-reasons/{id}', 200),
  read('GET /api/v1/calendars', 'global', (ctx) => ctx.calendarId),
  read('GET /api/v1/calendars/{id}', 'global', (ctx) => ctx.calendarId),
  fromEndpointTable('POST /api/v1/calendars', 201),
  {
    operation: 'PATCH /api/v1/calendars/{id}',
    scope: 'global',
    success: 200,
    call: (ctx) =>
      Promise.resolve({
        method: 'PATCH',
        url: `/api/v1/calendars/${ctx.calendarId}`,
        body: { holidays: ['2027-01-01'] },
      }),
  },
  read('GET /api/v1/sla-policies', 'global', (ctx) => ctx.slaPolicyId),
  read('GET /api/v1/sla-policies/{id}', 'global', (ctx) => ctx.slaPolicyId),
  fromEndpointTable('POST /api/v1/sla-policies', 201),
  {
    ...fromEndpointTable('PATCH /api/v1/sla-policies/{id}', 200),
    call: (ctx) =>
      Promise.resolve({
        method: 'PATCH',
        url: `/api/v1/sla-policies/${ctx.slaPolicyId}`,
        body: { remindBefore: '1BD' },
      }),
  },
  read('GET /api/v1/users', 'global', (ctx, s) => ctx.side[s].officer.userId),
  read('GET /api/v1/users/{id}', 'global', (ctx, s) => ctx.side[s].officer.userId),
  fromEndpointTable('POST /api/v1/users', 201),
  {
    operation: 'PATCH /api/v1/users/{id}',
    scope: 'global',
    success: 200,
    call: async (ctx, s) => ({
      method: 'PATCH',
      url: `/api/v1/users/${(await ctx.newPerson(s, 'field_officer')).userId}`,
      body: { name: '改名的走访员' },
    }),
  },
  {
    operation: 'POST /api/v1/users/{id}/reset-password',
    scope: 'global',
    success: 200,
    call: async (ctx, s) => ({
      method: 'POST',
      url: `/api/v1/users/${(await ctx.newPerson(s, 'bank_manager')).userId}/reset-password`,
      body: {},
    }),
  },
];
