import { ROLES, type Role } from '@unblock/domain';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';
import { badTokens } from '../support/tokens';
import { ENDPOINTS, type Endpoint } from './reference-endpoints';

/**
 * Generated from the endpoint table: every endpoint × every role (allowed: its success status; not
 * allowed: 403), × every kind of bad token (401), × every bad request (400 naming the field, nothing written).
 */
describe('reference data and identity endpoints', () => {
  let api: TestApi;
  let world: World;
  const tokens = {} as Record<Role, { token: string; userId: string }>;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    tokens.admin = await api.userToken('admin');
    tokens.field_officer = await api.userToken('field_officer', {
      organizationId: world.regulatorId,
      regionCode: '410100',
    });
    tokens.bank_manager = await api.userToken('bank_manager', {
      organizationId: world.henanBankId,
      regionCode: '410100',
    });
    tokens.supervisor = await api.userToken('supervisor', { organizationId: world.regulatorId, regionCode: '410000' });
    const department = await api.request('POST', '/api/v1/organizations', {
      token: tokens.admin.token,
      body: { kind: 'government_department', name: '郑州市税务局', regionCode: '410100' },
    });
    tokens.partner_officer = await api.userToken('partner_officer', {
      organizationId: String(department.body['id']),
      regionCode: '410100',
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  function call(endpoint: Endpoint, token: string | undefined, body?: Record<string, unknown>) {
    return api.request(endpoint.method, endpoint.url(world), {
      token,
      body: body ?? endpoint.body?.(world),
    });
  }

  describe.each(ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_name, endpoint) => {
    if (endpoint.roles === 'public') {
      it('answers without a token', async () => {
        expect((await call(endpoint, undefined)).status).toBe(endpoint.success);
      });
      return;
    }
    const allowed = endpoint.roles;

    it.each(ROLES.map((role) => [role, allowed.includes(role) ? endpoint.success : 403] as const))(
      'as %s answers %i',
      async (role, status) => {
        const response = await call(endpoint, tokens[role].token);
        expect({ status: response.status, body: response.body }).toEqual(expect.objectContaining({ status }));
        if (status === 403) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/u);
      },
    );

    it('answers 401 without a token and with every kind of bad token', async () => {
      const statuses: Record<string, number> = { none: (await call(endpoint, undefined)).status };
      for (const [kind, token] of Object.entries(badTokens(tokens.admin.userId))) {
        statuses[kind] = (await call(endpoint, token)).status;
      }
      expect(Object.values(statuses).every((s) => s === 401)).toBe(true);
      expect(Object.keys(statuses)).toHaveLength(7);
    });

    if (endpoint.bad !== undefined) {
      it.each(endpoint.bad.map((bad) => [bad.why, bad] as const))(
        'refuses %s, naming the field and writing nothing',
        async (_why, bad) => {
          const tables = [...(endpoint.tables ?? []), 'audit_records'];
          const before = await api.counts(tables);
          const snapshot = await api.dataSource.query<unknown[]>(
            "SELECT md5(string_agg(e::text, ',' ORDER BY e.id)) AS digest FROM enterprises e",
          );
          const role = allowed[0] ?? 'admin';
          const response = await call(endpoint, tokens[role].token, bad.body(world));
          expect({ status: response.status, body: response.body }).toEqual(
            expect.objectContaining({ status: bad.status ?? 400 }),
          );
          expect(response.body['errors']).toEqual(
            expect.arrayContaining([expect.objectContaining({ field: bad.field })]),
          );
          expect(await api.counts(tables)).toEqual(before);
          expect(
            await api.dataSource.query<unknown[]>(
              "SELECT md5(string_agg(e::text, ',' ORDER BY e.id)) AS digest FROM enterprises e",
            ),
          ).toEqual(snapshot);
        },
      );
    }
  });
});
