import { ManualClock } from '@unblock/domain';
import type { Actors } from '../support/case-fixtures';
import type { DeadlineHandlers } from '../support/deadlines';
import type { World } from '../support/fixtures';
import { startSlaWorld, type SlaWorld } from '../support/sla-world';
import type { TestApi } from '../support/test-api';

const CRITERIA = ['compliantOperation', 'fixedPremises', 'genuineNeed', 'goodCredit', 'lawfulPurpose'] as const;

/** The five criteria, every one met but those named. */
function criteria(...unmet: string[]): Record<string, { met: boolean; note?: string }> {
  return Object.fromEntries(
    CRITERIA.map((c) => [c, unmet.includes(c) ? { met: false, note: '存在问题' } : { met: true, note: '核实无误' }]),
  );
}

interface CaseBody {
  id: string;
  status: string;
  version: number;
  routingTier: number | null;
  assignedBankId: string | null;
  escalationLevel: number;
  timeline: { type: string; data: Record<string, unknown> }[];
}

describe('screening of needs (申报清单 → 推荐清单): submitted, recommended or screened out, on its own clock', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let handlers: DeadlineHandlers;
  let slaWorld: SlaWorld;
  let campaignId: string;

  beforeAll(async () => {
    slaWorld = await startSlaWorld(clock);
    ({ api, world, actors, handlers } = slaWorld);
    const created = await api.request('POST', '/api/v1/campaigns', {
      token: world.adminToken,
      body: {
        name: '河南小微企业融资协调',
        kind: 'other',
        regionCode: '410000',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        screening: 'required',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body['screening']).toBe('required');
    campaignId = String(created.body['id']);
  });

  afterAll(async () => {
    await slaWorld.stop();
  });

  beforeEach(() => clock.set(new Date('2026-06-01T02:00:00Z')));

  const submit = async (): Promise<string> => {
    const response = await api.request('POST', '/api/v1/cases', {
      token: actors.officer,
      body: {
        source: 'phone',
        enterpriseId: world.henanEnterpriseId,
        campaignId,
        requestedAmount: '3000000.00',
        purpose: 'working_capital',
        term: 'short',
        bottlenecks: ['collateral_shortage'],
      },
    });
    expect(response.status).toBe(201);
    expect(response.body['status']).toBe('submitted');
    return String(response.body['id']);
  };
  const screen = (token: string, caseId: string, body: object) =>
    api.request('POST', `/api/v1/cases/${caseId}/screen`, { token, body });
  const detail = async (caseId: string): Promise<CaseBody> =>
    (await api.request<CaseBody>('GET', `/api/v1/cases/${caseId}`, { token: actors.supervisor })).body;
  const obligations = (caseId: string) =>
    api.dataSource.query<{ id: string; obligation: string; due_at: Date; met: boolean; open: boolean }[]>(
      `SELECT id, obligation, due_at, met_at IS NOT NULL AS met, met_at IS NULL AND cancelled_at IS NULL AS open
         FROM case_obligations WHERE case_id = $1 ORDER BY opened_at, obligation`,
      [caseId],
    );

  it('takes a campaign’s screening on POST /campaigns, none by default; a bad one is a 400 naming it', async () => {
    const bad = await api.request('POST', '/api/v1/campaigns', {
      token: world.adminToken,
      body: {
        name: '筛查有误',
        kind: 'other',
        regionCode: '410000',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        screening: 'sometimes',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual([expect.objectContaining({ field: 'screening' })]);
    const campaign = await api.request('GET', `/api/v1/campaigns/${world.provinceCampaignId}`, {
      token: world.adminToken,
    });
    expect(campaign.body['screening']).toBe('none');
  });

  it('holds a new need as submitted on the screening queue of its region’s supervisors, with a 3-day clock; banks do not see it', async () => {
    const caseId = await submit();
    const c = await detail(caseId);
    expect(c).toMatchObject({ status: 'submitted', routingTier: null, assignedBankId: null });
    expect(c.timeline.map((e) => e.type)).toEqual(['diagnosed', 'submitted']);
    const [screening] = await obligations(caseId);
    expect(screening).toMatchObject({ obligation: 'screening', open: true });
    // Monday 10:00 in Shanghai: three business days end on Thursday's end.
    expect(screening?.due_at.toISOString()).toBe('2026-06-04T15:59:59.999Z');

    const queue = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/cases?status=submitted&limit=200', {
      token: actors.supervisor,
    });
    expect(queue.body.items.map((i) => i.id)).toContain(caseId);
    const hubei = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/cases?status=submitted&limit=200', {
      token: actors.hubeiSupervisor,
    });
    expect(hubei.body.items.map((i) => i.id)).not.toContain(caseId);
    const bankQueue = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/cases?limit=200', {
      token: actors.leadManager,
    });
    expect(bankQueue.body.items.map((i) => i.id)).not.toContain(caseId);
    expect((await api.request('GET', `/api/v1/cases/${caseId}`, { token: actors.leadManager })).status).toBe(404);
    expect((await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token: actors.leadManager })).status).toBe(
      404,
    );
  });

  it('answers bad screenings with a 400 naming the field, writing nothing', async () => {
    const caseId = await submit();
    const cases: [object, string][] = [
      [{ decision: 'recommend' }, 'criteria'],
      [{ criteria: criteria(), decision: 'maybe' }, 'decision'],
      [{ criteria: { ...criteria(), goodCredit: { met: 'yes' } }, decision: 'recommend' }, 'criteria.goodCredit.met'],
      [{ criteria: { ...criteria(), lawfulPurpose: undefined }, decision: 'recommend' }, 'criteria.lawfulPurpose'],
      [{ criteria: criteria('goodCredit'), decision: 'recommend' }, 'criteria.goodCredit'],
      [{ criteria: criteria(), decision: 'screen_out' }, 'decision'],
    ];
    for (const [body, field] of cases) {
      const response = await screen(actors.supervisor, caseId, body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect({ field, errors: response.body['errors'] }).toEqual({
        field,
        errors: expect.arrayContaining([expect.objectContaining({ field })]) as unknown,
      });
    }
    expect((await detail(caseId)).status).toBe('submitted');
    const [row] = await api.dataSource.query<{ n: string }[]>(
      'SELECT count(*)::text AS n FROM screenings WHERE case_id = $1',
      [caseId],
    );
    expect(row?.n).toBe('0');
  });

  it('lets the supervisors in scope screen: 404 to another region and to banks, 403 to field officers', async () => {
    const caseId = await submit();
    const body = { criteria: criteria(), decision: 'recommend' };
    expect((await screen(actors.hubeiSupervisor, caseId, body)).status).toBe(404);
    expect((await screen(actors.leadManager, caseId, body)).status).toBe(404);
    expect((await screen(actors.officer, caseId, body)).status).toBe(403);
    // A case that does not exist: the last digit changed (it was a flaky '0' → '0' one time in sixteen).
    const missing = `${caseId.slice(0, -1)}${caseId.endsWith('0') ? '1' : '0'}`;
    expect((await screen(world.adminToken, missing, body)).status).toBe(404);
  });

  it('recommends a need: routed at once to the chain’s lead bank with a claim clock, the screening stored', async () => {
    const caseId = await submit();
    const answer = await screen(actors.supervisor, caseId, {
      criteria: criteria(),
      decision: 'recommend',
      note: '符合条件',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'assigned', routingTier: 1, assignedBankId: world.henanBankId });
    const c = await detail(caseId);
    expect(c.timeline.map((e) => e.type)).toEqual(['diagnosed', 'submitted', 'recommended']);
    expect(c.timeline[2]?.data).toMatchObject({ unmet: [], note: '符合条件', next: { tier: 1 } });
    expect((await obligations(caseId)).map((o) => [o.obligation, o.met, o.open])).toEqual([
      ['claim', false, true],
      ['screening', true, false],
    ]);
    const [stored] = await api.dataSource.query<Record<string, unknown>[]>(
      'SELECT decision, good_credit, good_credit_note, note FROM screenings WHERE case_id = $1',
      [caseId],
    );
    expect(stored).toEqual({
      decision: 'recommend',
      good_credit: true,
      good_credit_note: '核实无误',
      note: '符合条件',
    });
    // The bank sees it now and may claim it; a second screening is out of turn.
    expect((await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token: actors.leadManager })).status).toBe(
      200,
    );
    const again = await screen(actors.supervisor, caseId, { criteria: criteria(), decision: 'recommend' });
    expect(again.status).toBe(409);
    expect(again.body['currentStatus']).toBe('claimed');
  });

  it('screens a need out: terminal, the criteria not met on the timeline and stored', async () => {
    const caseId = await submit();
    const answer = await screen(actors.supervisor, caseId, {
      criteria: criteria('fixedPremises', 'goodCredit'),
      decision: 'screen_out',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'screened_out', assignedBankId: null });
    const c = await detail(caseId);
    expect(c.timeline.map((e) => e.type)).toEqual(['diagnosed', 'submitted', 'screened_out']);
    expect(c.timeline[2]?.data['unmet']).toEqual(['fixedPremises', 'goodCredit']);
    expect((await obligations(caseId)).filter((o) => o.open)).toEqual([]);
    const [stored] = await api.dataSource.query<Record<string, unknown>[]>(
      'SELECT decision, fixed_premises, fixed_premises_note FROM screenings WHERE case_id = $1',
      [caseId],
    );
    expect(stored).toEqual({ decision: 'screen_out', fixed_premises: false, fixed_premises_note: '存在问题' });
    const close = await api.request('POST', `/api/v1/cases/${caseId}/close`, {
      token: actors.supervisor,
      body: { resolution: 'duplicate' },
    });
    expect(close.status).toBe(409);
  });

  it('escalates a missed screening to level 1 on the supervisors’ queue; the screening resolves it', async () => {
    const caseId = await submit();
    const [screening] = await obligations(caseId);
    const job = { obligationId: String(screening?.id), dueAt: String(screening?.due_at.toISOString()) };
    expect(await handlers.deadline(job)).toEqual({ skipped: 'not due yet' });
    clock.set(new Date((screening?.due_at ?? new Date()).getTime() + 1000));
    expect(await handlers.deadline(job)).toEqual({ done: 'escalated to level 1' });
    expect((await detail(caseId)).escalationLevel).toBe(1);
    const queue = await api.request<{ items: { caseId: string; obligation: string; level: number }[] }>(
      'GET',
      '/api/v1/escalations?status=open',
      { token: actors.supervisor },
    );
    expect(queue.body.items.filter((e) => e.caseId === caseId)).toEqual([
      expect.objectContaining({ obligation: 'screening', level: 1 }),
    ]);
    expect(await screen(actors.supervisor, caseId, { criteria: criteria(), decision: 'recommend' })).toMatchObject({
      status: 200,
    });
    const [escalation] = await api.dataSource.query<{ status: string }[]>(
      'SELECT status FROM escalations WHERE case_id = $1',
      [caseId],
    );
    expect(escalation?.status).toBe('resolved');
  });

  it('reminds the supervisors of the region one business day before the screening deadline, not the banks', async () => {
    const caseId = await submit();
    const [screening] = await obligations(caseId);
    const job = { obligationId: String(screening?.id), dueAt: String(screening?.due_at.toISOString()) };
    clock.set(new Date((screening?.due_at ?? new Date()).getTime() - 3_600_000));
    const sent = await handlers.reminder(job);
    expect('done' in sent && /^reminded [1-9]/u.test(sent.done)).toBe(true);
    const inboxOf = async (token: string) =>
      (
        await api.request<{ items: { caseId: string; kind: string }[] }>(
          'GET',
          '/api/v1/me/notifications?kind=reminder',
          { token },
        )
      ).body.items.filter((n) => n.caseId === caseId);
    expect(await inboxOf(actors.supervisor)).toHaveLength(1);
    expect(await inboxOf(actors.hubeiSupervisor)).toHaveLength(0);
    expect(await inboxOf(actors.leadManager)).toHaveLength(0);
  });

  it('turns a campaign’s screening on and off with PATCH /campaigns/:id, for the needs recorded after', async () => {
    const created = await api.request('POST', '/api/v1/campaigns', {
      token: world.adminToken,
      body: { name: '河南首贷专项', kind: 'other', regionCode: '410000', startsOn: '2026-01-01', endsOn: '2026-12-31' },
    });
    const id = String(created.body['id']);
    const need = async (): Promise<unknown> =>
      (
        await api.request('POST', '/api/v1/cases', {
          token: actors.officer,
          body: {
            source: 'list',
            enterpriseId: world.henanEnterpriseId,
            campaignId: id,
            requestedAmount: '500000.00',
            purpose: 'working_capital',
            term: 'short',
            bottlenecks: ['other'],
          },
        })
      ).body['status'];
    expect(await need()).toBe('assigned');
    const on = await api.request('PATCH', `/api/v1/campaigns/${id}`, {
      token: world.adminToken,
      body: { screening: 'required' },
    });
    expect(on.body).toMatchObject({ screening: 'required', name: '河南首贷专项' });
    expect(await need()).toBe('submitted');
    const bad = await api.request('PATCH', `/api/v1/campaigns/${id}`, {
      token: world.adminToken,
      body: { screening: 'always' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual([expect.objectContaining({ field: 'screening' })]);
    expect(
      (await api.request('PATCH', `/api/v1/campaigns/${id}`, { token: actors.supervisor, body: { screening: 'none' } }))
        .status,
    ).toBe(403);
    await api.request('PATCH', `/api/v1/campaigns/${id}`, { token: world.adminToken, body: { screening: 'none' } });
    expect(await need()).toBe('assigned');
  });

  it('counts needs submitted, recommended and screened out in the summary, from the rollups', async () => {
    const [counts] = await api.dataSource.query<Record<string, string>[]>(
      `SELECT count(*) FILTER (WHERE status = 'submitted')::text AS waiting,
              count(*) FILTER (WHERE status = 'screened_out')::text AS out,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'recommended'))::text AS recommended
         FROM cases c WHERE campaign_id = $1`,
      [campaignId],
    );
    const waiting = Number(counts?.['waiting']);
    const out = Number(counts?.['out']);
    const recommended = Number(counts?.['recommended']);
    expect([waiting > 0, out > 0, recommended > 0]).toEqual([true, true, true]);
    const summary = await api.request<Record<string, Record<string, number>>>(
      'GET',
      `/api/v1/reports/summary?campaignId=${campaignId}`,
      { token: actors.supervisor },
    );
    expect(summary.status).toBe(200);
    expect(summary.body['screening']).toEqual({
      submitted: waiting + recommended + out,
      recommended,
      screenedOut: out,
    });
    expect(summary.body['casesByStatus']).toMatchObject({ submitted: waiting, screened_out: out });
    // The campaigns without screening count none.
    const plain = await api.request<Record<string, Record<string, number>>>(
      'GET',
      `/api/v1/reports/summary?campaignId=${world.provinceCampaignId}`,
      { token: actors.supervisor },
    );
    expect(plain.body['screening']).toEqual({ submitted: 0, recommended: 0, screenedOut: 0 });
  });
});
