import { CaseTransitions, claimPlan } from '@unblock/cases';
import type { AuditStamp } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

/**
 * A claim is tried first as one statement that reads nothing beforehand (`ClaimCaseUseCase.claimAtOnce`),
 * then, when that cannot decide, the general way of every action (`CaseTransitions.apply` with `claimPlan`).
 * Both must write the same rows: here two cases in the same situation are claimed, one each way, and every
 * row the claim touches is compared.
 */
describe('a claim in one statement', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let transitions: CaseTransitions;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    transitions = api.app.get(CaseTransitions);
  });

  afterAll(async () => {
    await api.stop();
  });

  async function twoCases(enterpriseId = world.henanEnterpriseId): Promise<[string, string]> {
    const visitId = await recordVisit(api, actors.officer, { campaignId: world.provinceCampaignId, enterpriseId });
    const one = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const two = String((await diagnose(api, actors.officer, { visitId }))['id']);
    return [one, two];
  }

  async function poolEnterprise(): Promise<string> {
    const created = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: { uscc: newUscc('410102'), name: '池中企业', regionCode: '410102', size: 'small' },
    });
    expect(created.status).toBe(201);
    return String(created.body['id']);
  }

  /** A level-1 escalation of the case's open claim deadline, as the SLA clock raises it. */
  async function escalate(caseId: string): Promise<void> {
    await api.dataSource.query(
      `WITH e AS (
         INSERT INTO escalations (case_id, obligation_id, obligation, level, status, opened_at, due_at, bank_id,
                                  chain_id, region_code, followed_up_at)
         SELECT c.id, o.id, 'claim', 1, 'open', now(), o.due_at, c.assigned_bank_id, c.chain_id, c.region_code, now()
           FROM cases c JOIN case_obligations o ON o.case_id = c.id AND o.obligation = 'claim' AND o.met_at IS NULL
          WHERE c.id = $1 RETURNING case_id)
       UPDATE cases SET escalation_level = 1 WHERE id IN (SELECT case_id FROM e)`,
      [caseId],
    );
  }

  /** Claims through the API, and answers whether the one statement decided it. */
  async function claimByApi(token: string, caseId: string): Promise<{ status: number; atOnce: boolean }> {
    const general = jest.spyOn(transitions, 'apply');
    try {
      const response = await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token, body: {} });
      answers.set(caseId, response.body);
      return { status: response.status, atOnce: general.mock.calls.length === 0 };
    } finally {
      general.mockRestore();
    }
  }

  /** Each claim's answer by case (the API's body; the general way's answer as the API would send it). */
  const answers = new Map<string, unknown>();

  /** A claim's answer without what differs between two cases. */
  function answered(caseId: string): unknown {
    const { id, number, createdAt, updatedAt, ...rest } = answers.get(caseId) as Record<string, unknown>;
    expect([id, number, createdAt, updatedAt].every((v) => typeof v === 'string')).toBe(true);
    return rest;
  }

  /** The same claim the general way, by the manager who claimed `like` through the API, with its audit stamp. */
  async function claimTheGeneralWay(caseId: string, like: string): Promise<void> {
    const [actor] = await api.dataSource.query<Actor[]>(
      `SELECT u.id AS "userId", u.role, u.organization_id AS "organizationId", u.region_code AS "regionCode"
         FROM users u JOIN cases c ON c.claimed_by_user_id = u.id WHERE c.id = $1`,
      [like],
    );
    if (actor === undefined) throw new Error('nobody claimed the case');
    const [stamp] = await api.dataSource.query<Record<string, unknown>[]>(
      `SELECT actor_user_id AS "actorUserId", now() AS at, action, entity, ip, user_agent AS "userAgent",
              request_id AS "requestId"
         FROM audit_records WHERE entity_id = $1 AND action LIKE '%/claim'`,
      [like],
    );
    const answer = await transitions.apply(
      {
        caseId,
        actor,
        action: 'claim',
        audit: stamp as unknown as AuditStamp,
      },
      claimPlan,
    );
    answers.set(caseId, JSON.parse(JSON.stringify(answer)));
  }

  /** Every row a claim writes, without what differs between two cases (ids, numbers, instants of writing). */
  async function written(caseId: string): Promise<unknown> {
    const [c] = await api.dataSource.query<Record<string, unknown>[]>(
      `SELECT status, version, routing_tier, assigned_bank_id, claimed_by_user_id, due_at, escalation_level,
              declined_org_ids, paused_at, closed_at, resolution
         FROM cases WHERE id = $1`,
      [caseId],
    );
    const obligations = await api.dataSource.query<unknown[]>(
      `SELECT obligation, due_at, remind_at, met_at IS NOT NULL AS met, cancelled_at IS NOT NULL AS cancelled,
              opened_at = (SELECT max(at) FROM case_events e WHERE e.case_id = o.case_id) AS opened_by_claim
         FROM case_obligations o WHERE case_id = $1 ORDER BY obligation`,
      [caseId],
    );
    const outbox = await api.dataSource.query<unknown[]>(
      `SELECT o.type, o.run_at, o.payload->>'obligation' AS obligation, o.payload->>'dueAt' AS due,
              (o.payload->>'obligationId')::uuid IN (SELECT id FROM case_obligations WHERE case_id = $1) AS names_own
         FROM outbox o WHERE o.case_id = $1 ORDER BY o.type, o.run_at, o.payload->>'obligation'`,
      [caseId],
    );
    const events = await api.dataSource.query<unknown[]>(
      `SELECT type, actor_user_id, data FROM case_events WHERE case_id = $1 ORDER BY at, id`,
      [caseId],
    );
    const escalations = await api.dataSource.query<unknown[]>(
      `SELECT obligation, level, status, resolution, resolved_at IS NOT NULL AS resolved
         FROM escalations WHERE case_id = $1 ORDER BY level`,
      [caseId],
    );
    const pool = await api.dataSource.query<unknown[]>(
      `SELECT organization_id FROM case_pool_members WHERE case_id = $1 ORDER BY 1`,
      [caseId],
    );
    const audit = await api.dataSource.query<unknown[]>(
      `SELECT actor_user_id, action, entity, status FROM audit_records WHERE entity_id = $1 ORDER BY at`,
      [caseId],
    );
    return { case: c, obligations, outbox, events, escalations, pool, audit };
  }

  it('writes what the general way writes: a case at its lead bank', async () => {
    const [fast, general] = await twoCases();
    expect(await claimByApi(actors.leadManager, fast)).toEqual({ status: 200, atOnce: true });
    await claimTheGeneralWay(general, fast);
    const rows = await written(fast);
    expect(rows).toMatchObject({
      case: { status: 'claimed', assigned_bank_id: world.henanBankId, escalation_level: 0 },
      events: [{ type: 'diagnosed' }, { type: 'routed' }, { type: 'claimed' }],
      audit: [
        { action: 'POST /api/v1/cases', status: 201 },
        { action: 'POST /api/v1/cases/:id/claim', status: 200 },
      ],
    });
    expect(await written(general)).toEqual(rows);
    expect(answered(general)).toEqual(answered(fast));
  });

  it('writes what the general way writes: a case claimed from the pool', async () => {
    const [fast, general] = await twoCases(await poolEnterprise());
    const before = (await written(fast)) as { pool: unknown[]; case: { assigned_bank_id: unknown } };
    expect(before.case.assigned_bank_id).toBeNull();
    expect(before.pool.length).toBeGreaterThan(0);
    expect(await claimByApi(actors.deputyManager, fast)).toEqual({ status: 200, atOnce: true });
    await claimTheGeneralWay(general, fast);
    const rows = await written(fast);
    expect(rows).toMatchObject({
      case: { status: 'claimed', assigned_bank_id: world.henanBank2Id },
      pool: [],
      events: [{}, {}, { type: 'claimed', data: { fromPool: true, bankId: world.henanBank2Id } }],
    });
    expect(await written(general)).toEqual(rows);
    expect(answered(general)).toEqual(answered(fast));
  });

  it('writes what the general way writes: a claim that settles an escalation of its deadline', async () => {
    const [fast, general] = await twoCases();
    await escalate(fast);
    await escalate(general);
    expect(await claimByApi(actors.leadManager, fast)).toEqual({ status: 200, atOnce: true });
    await claimTheGeneralWay(general, fast);
    const rows = await written(fast);
    expect(rows).toMatchObject({
      case: { escalation_level: 0 },
      escalations: [{ obligation: 'claim', level: 1, status: 'resolved', resolution: 'obligation_met' }],
    });
    expect(await written(general)).toEqual(rows);
    expect(answered(general)).toEqual(answered(fast));
  });

  it('leaves to the general way what it cannot decide, and writes nothing itself', async () => {
    const [claimed, other] = await twoCases();
    expect((await claimByApi(actors.leadManager, claimed)).status).toBe(200);
    // Taken already: the general way answers 409 with the status found.
    const again = await api.request('POST', `/api/v1/cases/${claimed}/claim`, { token: actors.leadManager2, body: {} });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ currentStatus: 'claimed' });
    // Out of sight (another bank's manager): 404. At another version than expected: 409.
    expect((await claimByApi(actors.hubeiManager, other)).status).toBe(404);
    const stale = await api.request('POST', `/api/v1/cases/${other}/claim`, {
      token: actors.leadManager,
      body: { expectedVersion: 99 },
    });
    expect(stale.status).toBe(409);
    expect(await written(other)).toMatchObject({ case: { status: 'assigned' }, audit: [{ status: 201 }] });
    // Its campaign's plan changed (a policy edited since): the general way reads the new plan and claims.
    await api.dataSource.query(`UPDATE sla_policies SET first_contact = first_contact`);
    expect(await claimByApi(actors.leadManager, other)).toEqual({ status: 200, atOnce: false });
  });
});
