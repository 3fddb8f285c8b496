import { STAFF_ROLES as ROLES, type StaffRole as Role } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';
import {
  CASE_ACTIONS,
  CASE_CREATES_OUT_OF_SCOPE,
  CASE_READS,
  type CaseActionRow,
  type CaseState,
} from './case-access-table';

type Scope = 'in scope' | 'out of scope';

/** Generated from case-access-table.ts: every case and visit endpoint × role × object in and out of scope. */
describe('access to cases and visits', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let tokens: Record<Role, string>;
  /** Per scope: the visit cases are diagnosed from, its officer and the bank manager who works them. */
  const side = {} as Record<
    Scope,
    { visitId: string; officer: string; manager: string; enterpriseId: string; campaignId: string }
  >;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    tokens = {
      admin: world.adminToken,
      field_officer: actors.officer,
      bank_manager: actors.leadManager,
      supervisor: actors.supervisor,
    };
    side['in scope'] = {
      officer: actors.officer,
      manager: actors.leadManager,
      enterpriseId: world.henanEnterpriseId,
      campaignId: world.provinceCampaignId,
      visitId: await recordVisit(api, actors.officer, {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
      }),
    };
    side['out of scope'] = {
      officer: actors.hubeiOfficer,
      manager: actors.hubeiManager,
      enterpriseId: world.hubeiEnterpriseId,
      campaignId: world.hubeiCampaignId,
      visitId: await recordVisit(api, actors.hubeiOfficer, {
        campaignId: world.hubeiCampaignId,
        enterpriseId: world.hubeiEnterpriseId,
        visitedOn: '2026-06-01',
      }),
    };
  });

  afterAll(async () => {
    await api.stop();
  });

  async function caseIn(scope: Scope, state: CaseState): Promise<string> {
    const s = side[scope];
    const id = String((await diagnose(api, s.officer, { visitId: s.visitId, route: state !== 'diagnosed' }))['id']);
    const step = async (action: string, body: object = {}) => {
      const r = await api.request('POST', `/api/v1/cases/${id}/${action}`, { token: s.manager, body });
      if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    if (state !== 'diagnosed' && state !== 'assigned') await step('claim');
    if (state === 'contacted' || state === 'approved') await step('milestones', { type: 'contacted' });
    if (state === 'paused') await step('pause');
    if (state === 'approved') await step('approve');
    return id;
  }

  const roleScopes = ROLES.flatMap((role) =>
    (['in scope', 'out of scope'] as const).map((scope) => [role, scope] as const),
  );

  describe.each(CASE_ACTIONS.map((row) => [`POST /cases/:id/${row.action}`, row] as const))(
    '%s',
    (_n, row: CaseActionRow) => {
      it.each(roleScopes)('as %s on a case %s', async (role, scope) => {
        const id = await caseIn(scope, row.state);
        const body = JSON.parse(JSON.stringify(row.body).replace('BANK2', world.henanBank2Id)) as object;
        const response = await api.request('POST', `/api/v1/cases/${id}/${row.action}`, { token: tokens[role], body });
        const expected = scope === 'in scope' || role === 'admin' ? row.inScope[role] : 404;
        expect({ status: response.status, body: response.body }).toEqual(expect.objectContaining({ status: expected }));
      });
    },
  );

  describe('GET /cases/:id', () => {
    it.each(roleScopes)('as %s on a case %s', async (role, scope) => {
      const id = await caseIn(scope, 'assigned');
      const response = await api.request('GET', `/api/v1/cases/${id}`, { token: tokens[role] });
      const expected = scope === 'in scope' || role === 'admin' ? CASE_READS.getCase[role] : 404;
      expect(response.status).toBe(expected);
    });
  });

  describe('GET /cases', () => {
    it.each(roleScopes)('as %s lists a case %s only when it may read it', async (role, scope) => {
      const id = await caseIn(scope, 'assigned');
      const response = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/cases?limit=200', {
        token: tokens[role],
      });
      expect(response.status).toBe(200);
      const listed = response.body.items.some((c) => c.id === id);
      expect(listed).toBe(scope === 'in scope' || role === 'admin');
    });
  });

  describe('GET /visits/:id and GET /visits', () => {
    it.each(roleScopes)('as %s on a visit %s', async (role, scope) => {
      const visitId = side[scope].visitId;
      const response = await api.request('GET', `/api/v1/visits/${visitId}`, { token: tokens[role] });
      const expected = scope === 'in scope' || role === 'admin' ? CASE_READS.getVisit[role] : 404;
      expect(response.status).toBe(expected);
      const list = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/visits?limit=200', {
        token: tokens[role],
      });
      expect(list.body.items.some((v) => v.id === visitId)).toBe(expected === 200);
    });
  });

  describe('POST /visits', () => {
    it.each(roleScopes)('as %s for an enterprise %s', async (role, scope) => {
      const s = side[scope];
      const response = await api.request('POST', '/api/v1/visits', {
        token: tokens[role],
        body: { campaignId: s.campaignId, enterpriseId: s.enterpriseId, kind: 'follow_up', visitedOn: '2026-06-02' },
      });
      const table = scope === 'in scope' ? CASE_READS.createVisit : CASE_CREATES_OUT_OF_SCOPE.createVisit;
      expect({ status: response.status, body: response.body }).toEqual(
        expect.objectContaining({ status: table[role] }),
      );
    });
  });

  describe('POST /cases', () => {
    it.each(roleScopes)('as %s from a visit %s', async (role, scope) => {
      const response = await api.request('POST', '/api/v1/cases', {
        token: tokens[role],
        body: {
          visitId: side[scope].visitId,
          requestedAmount: '1000000',
          purpose: 'working_capital',
          term: 'short',
          bottlenecks: ['information_asymmetry'],
        },
      });
      const table = scope === 'in scope' ? CASE_READS.createCase : CASE_CREATES_OUT_OF_SCOPE.createCase;
      expect({ status: response.status, body: response.body }).toEqual(
        expect.objectContaining({ status: table[role] }),
      );
    });
  });
});
