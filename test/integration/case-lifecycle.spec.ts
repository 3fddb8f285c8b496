import { ManualClock } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

interface CaseBody {
  id: string;
  status: string;
  routingTier: number | null;
  assignedBankId: string | null;
  claimedByUserId: string | null;
  version: number;
  dueAt: string | null;
  signedAmount: string;
  intentionAmount: string | null;
  pool: string[];
  timeline: { type: string; data: Record<string, unknown> }[];
  obligations: { obligation: string; dueAt: string; metAt: string | null; cancelledAt: string | null }[];
  loans: { amount: string; bankId: string }[];
}

describe('case lifecycle and "1+2+N" routing', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let visitId: string;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  const act = (token: string, caseId: string, action: string, body: object = {}) =>
    api.request<CaseBody>('POST', `/api/v1/cases/${caseId}/${action}`, { token, body });
  const read = (token: string, caseId: string) => api.request<CaseBody>('GET', `/api/v1/cases/${caseId}`, { token });

  it('diagnoses a need and routes it at once to the chain’s lead bank, with a claim deadline', async () => {
    const created = await diagnose(api, actors.officer, { visitId });
    expect(created).toMatchObject({
      status: 'assigned',
      routingTier: 1,
      assignedBankId: world.henanBankId,
      requestedAmount: '5000000.00',
      priority: 'high',
      version: 2,
    });
    expect(String(created['number'])).toMatch(/^C-2026-\d{6}$/u);
    // Monday 1 June 2026, 10:00 in Shanghai + 3 business days → end of Thursday 4 June.
    expect(created['dueAt']).toBe('2026-06-04T15:59:59.999Z');
    const detail = await read(actors.leadManager, String(created['id']));
    expect(detail.body.timeline.map((e) => e.type)).toEqual(['diagnosed', 'routed']);
    expect(detail.body.obligations).toEqual([expect.objectContaining({ obligation: 'claim', metAt: null })]);
    // A reminder one business day before the deadline, and the deadline itself: both beyond the queue's
    // 24-hour horizon, so no outbox message yet (the sweeper puts them on the queue as the horizon reaches them).
    const claim = await api.dataSource.query<{ remind_at: Date; due_at: Date }[]>(
      'SELECT remind_at, due_at FROM case_obligations WHERE case_id = $1',
      [created['id']],
    );
    expect(claim).toEqual([
      { remind_at: new Date('2026-06-03T15:59:59.999Z'), due_at: new Date('2026-06-04T15:59:59.999Z') },
    ]);
    const outbox = await api.dataSource.query<{ type: string }[]>('SELECT type FROM outbox WHERE case_id = $1', [
      created['id'],
    ]);
    expect(outbox).toEqual([]);
  });

  it('leaves a case diagnosed with route: false, and routes it on POST /route', async () => {
    const created = await diagnose(api, actors.officer, { visitId, route: false });
    expect(created).toMatchObject({ status: 'diagnosed', routingTier: null, assignedBankId: null, dueAt: null });
    const routed = await act(actors.officer, String(created['id']), 'route');
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({ status: 'assigned', routingTier: 1, assignedBankId: world.henanBankId });
  });

  it('moves a declined case from the lead bank to the deputy, then to the pool, where a member claims it', async () => {
    const id = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const declined = await act(actors.leadManager, id, 'decline', { reason: 'insufficient_collateral' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'assigned', routingTier: 2, assignedBankId: world.henanBank2Id });
    // The lead bank no longer sees it.
    expect((await read(actors.leadManager, id)).status).toBe(404);

    const claimed = await act(actors.deputyManager, id, 'claim');
    expect(claimed.body).toMatchObject({ status: 'claimed' });
    const declinedAgain = await act(actors.deputyManager, id, 'decline', { reason: 'other', text: '授信额度不足' });
    expect(declinedAgain.body).toMatchObject({ status: 'assigned', routingTier: 3, assignedBankId: null });
    const pooled = await read(actors.supervisor, id);
    expect(pooled.body.pool).toEqual([world.institutionId]);
    expect(pooled.body.timeline.map((e) => e.type)).toEqual(['diagnosed', 'routed', 'declined', 'claimed', 'declined']);
    expect(pooled.body.timeline[4]?.data).toMatchObject({ reason: 'other', text: '授信额度不足', next: { tier: 3 } });
    // A member institution of the chain claims it from the pool; it then holds the case.
    const fromPool = await act(actors.institutionUser, id, 'claim');
    expect(fromPool.body).toMatchObject({ status: 'claimed', assignedBankId: world.institutionId, routingTier: 3 });
    expect((await read(actors.supervisor, id)).body.pool).toEqual([]);
  });

  it('sends an enterprise without a chain to the pool of its region’s banks', async () => {
    const created = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: { uscc: newUscc('410102'), name: '独立企业', regionCode: '410102', size: 'small' },
    });
    const visit = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: String(created.body['id']),
    });
    const pooled = await diagnose(api, actors.officer, { visitId: visit });
    expect(pooled).toMatchObject({ status: 'assigned', routingTier: 3, assignedBankId: null, priority: 'normal' });
    const detail = await read(actors.supervisor, String(pooled['id']));
    expect(detail.body.pool).toEqual([world.henanBankId, world.henanBank2Id].sort());
    // A pool member claims first come first served; the case is then at its bank.
    const claimed = await act(actors.deputyManager, String(pooled['id']), 'claim');
    expect(claimed.body).toMatchObject({ status: 'claimed', assignedBankId: world.henanBank2Id });
    expect((await read(actors.leadManager, String(pooled['id']))).status).toBe(404);
  });

  it('works a case to a signed loan with contracts of two banks; signedAmount is their sum', async () => {
    const id = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const claimed = await act(actors.leadManager, id, 'claim');
    expect(claimed.body.claimedByUserId).toEqual(expect.any(String));
    expect((await act(actors.leadManager, id, 'milestones', { type: 'contacted' })).status).toBe(200);
    expect((await act(actors.leadManager, id, 'milestones', { type: 'due_diligence' })).status).toBe(200);
    const intention = await act(actors.leadManager, id, 'milestones', {
      type: 'intention',
      intentionAmount: '4800000.5',
    });
    expect(intention.body.intentionAmount).toBe('4800000.50');
    expect((await act(actors.leadManager, id, 'approve')).body.status).toBe('approved');
    const signed = await act(actors.leadManager, id, 'loans', {
      contracts: [
        { amount: '3000000.00', annualRatePct: '3.45', termMonths: 36, signedOn: '2026-06-01', contractNo: 'ZZ-001' },
        {
          bankId: world.henanBank2Id,
          amount: '1800000.55',
          annualRatePct: '3.5',
          termMonths: 24,
          signedOn: '2026-06-01',
          contractNo: 'ZY-001',
        },
      ],
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'loan_signed', signedAmount: '4800000.55', dueAt: null });
    const detail = await read(actors.leadManager, id);
    expect(detail.body.loans.map((l) => l.amount).sort()).toEqual(['1800000.55', '3000000.00']);
    expect(detail.body.obligations.map((o) => [o.obligation, o.metAt !== null])).toEqual([
      ['claim', true],
      ['first_contact', true],
      ['decision', true],
      ['signing', true],
    ]);
    expect(detail.body.timeline.map((e) => e.type)).toEqual([
      'diagnosed',
      'routed',
      'claimed',
      'milestone.contacted',
      'milestone.due_diligence',
      'milestone.intention',
      'approved',
      'loans_signed',
    ]);
  });

  it('answers 409 with the current status for an action out of turn, and for a stale expectedVersion', async () => {
    const created = await diagnose(api, actors.officer, { visitId });
    const id = String(created['id']);
    const early = await act(actors.leadManager, id, 'approve');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ currentStatus: 'assigned' });
    const stale = await act(actors.leadManager, id, 'claim', { expectedVersion: Number(created['version']) - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentStatus: 'assigned', currentVersion: created['version'] });
    const fresh = await act(actors.leadManager, id, 'claim', { expectedVersion: created['version'] });
    expect(fresh.status).toBe(200);
    const again = await act(actors.leadManager2, id, 'claim');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ currentStatus: 'claimed' });
  });

  it('approves only after contact (409 before), with the approved amount and note on the timeline, by name', async () => {
    const id = String((await diagnose(api, actors.officer, { visitId, note: '设备更新，需中长期贷款' }))['id']);
    await act(actors.leadManager, id, 'claim');
    const early = await act(actors.leadManager, id, 'approve', { approvedAmount: '4000000', note: '先批' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ status: 409, currentStatus: 'claimed' });
    expect(String((early.body as unknown as { detail: string }).detail)).toMatch(/contacted/u);
    expect((await read(actors.leadManager, id)).body.status).toBe('claimed');
    const badAmount = await act(actors.leadManager, id, 'approve', { approvedAmount: '-5' });
    expect(badAmount.status).toBe(400);
    expect(JSON.stringify(badAmount.body)).toContain('approvedAmount');
    await act(actors.leadManager, id, 'milestones', { type: 'contacted', note: '已电话联系财务负责人' });
    const approved = await act(actors.leadManager, id, 'approve', { approvedAmount: '4000000.5', note: '授信通过' });
    expect(approved.status).toBe(200);
    const detail = await api.request<{
      assignedBankName: string | null;
      poolMembers: { id: string; name: string }[];
      enterprise: { name: string; regionName: string; chainName: string | null; chainRole: string | null };
      visit: { visitorName: string } | null;
      diagnosisNote: string | null;
      escalations: unknown[];
      timeline: { type: string; actorName: string | null; actorOrganizationName: string | null; data: object }[];
    }>('GET', `/api/v1/cases/${id}`, { token: actors.leadManager });
    const [manager] = await api.dataSource.query<{ name: string }[]>(
      `SELECT u.name FROM users u JOIN case_events e ON e.actor_user_id = u.id WHERE e.case_id = $1 AND e.type = 'claimed'`,
      [id],
    );
    expect(detail.body).toMatchObject({
      assignedBankName: '郑州银行',
      poolMembers: [],
      enterprise: { name: '郑州重工', chainName: '装备制造', chainRole: 'leader' },
      diagnosisNote: '设备更新，需中长期贷款',
      escalations: [],
    });
    expect(detail.body.visit?.visitorName).toEqual(expect.any(String));
    const byType = new Map(detail.body.timeline.map((e) => [e.type, e]));
    expect(byType.get('routed')).toMatchObject({ actorName: null });
    expect(byType.get('claimed')).toMatchObject({ actorName: manager?.name, actorOrganizationName: '郑州银行' });
    expect(byType.get('milestone.contacted')?.data).toMatchObject({ note: '已电话联系财务负责人' });
    expect(byType.get('approved')).toMatchObject({
      actorName: manager?.name,
      data: { approvedAmount: '4000000.50', note: '授信通过' },
    });
  });

  it('lets only the claimer work a claimed case; another manager of the bank gets 403', async () => {
    const id = String((await diagnose(api, actors.officer, { visitId }))['id']);
    await act(actors.leadManager, id, 'claim');
    expect((await act(actors.leadManager2, id, 'milestones', { type: 'contacted' })).status).toBe(403);
    expect((await act(actors.leadManager2, id, 'release')).status).toBe(403);
    const released = await act(actors.leadManager, id, 'release');
    expect(released.body).toMatchObject({
      status: 'assigned',
      assignedBankId: world.henanBankId,
      claimedByUserId: null,
    });
    expect((await act(actors.leadManager2, id, 'claim')).status).toBe(200);
  });

  it('pauses every clock while waiting on the enterprise, and pushes the deadlines back on resume', async () => {
    const id = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const claimed = await act(actors.leadManager, id, 'claim');
    const before = claimed.body.dueAt;
    expect((await act(actors.leadManager, id, 'pause')).body.dueAt).toBe(before);
    expect((await act(actors.leadManager, id, 'pause')).status).toBe(409);
    clock.advance(2 * 3600_000);
    const resumed = await act(actors.leadManager, id, 'resume');
    expect(new Date(String(resumed.body.dueAt)).getTime() - new Date(String(before)).getTime()).toBe(2 * 3600_000);
    expect((await act(actors.leadManager, id, 'resume')).status).toBe(409);
    const detail = await read(actors.leadManager, id);
    expect(detail.body.timeline.map((e) => e.type).slice(-2)).toEqual(['paused', 'resumed']);
  });

  it('lets a supervisor reassign, extend and close; a field officer may only withdraw', async () => {
    const id = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const reassigned = await act(actors.supervisor, id, 'reassign', { bankId: world.henanBank2Id });
    expect(reassigned.body).toMatchObject({ status: 'assigned', assignedBankId: world.henanBank2Id });
    const due = new Date(String(reassigned.body.dueAt));
    const until = new Date(due.getTime() + 86_400_000).toISOString();
    const extended = await act(actors.supervisor, id, 'extend', { until });
    expect(extended.body.dueAt).toBe(until);
    const earlier = await act(actors.supervisor, id, 'extend', { until: due.toISOString() });
    expect(earlier.status).toBe(400);
    expect(earlier.body).toMatchObject({ errors: [expect.objectContaining({ field: 'until' })] });
    expect((await act(actors.officer, id, 'close', { resolution: 'not_eligible' })).status).toBe(403);
    const withdrawn = await act(actors.officer, id, 'close', { resolution: 'withdrawn' });
    expect(withdrawn.body).toMatchObject({ status: 'closed', resolution: 'withdrawn', dueAt: null });
    expect((await act(actors.supervisor, id, 'reassign', { bankId: world.henanBankId })).status).toBe(409);
    const note = await act(actors.supervisor, id, 'notes', { text: '已撤回，企业另寻融资' });
    expect(note.status).toBe(200);
    const detail = await read(actors.supervisor, id);
    expect(detail.body.obligations.every((o) => o.metAt !== null || o.cancelledAt !== null)).toBe(true);
  });

  it('walks the work queue page by page, every case once, in deadline order', async () => {
    const all = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/cases?limit=200', {
      token: actors.supervisor,
    });
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.request('GET', url, {
        token: actors.supervisor,
      });
      walked.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(walked).toEqual(all.body.items.map((c) => c.id));
    const bad = await api.request('GET', '/api/v1/cases?cursor=nope', { token: actors.supervisor });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ field: 'cursor' })] });
  });

  it('filters the queue: status, bank, chain, campaign, enterprise, overdue, escalated', async () => {
    const ids = async (query: string) =>
      (
        await api.request<{ items: { id: string; status: string }[] }>('GET', `/api/v1/cases?limit=200&${query}`, {
          token: actors.supervisor,
        })
      ).body.items;
    expect((await ids('status=closed')).every((c) => c.status === 'closed')).toBe(true);
    expect((await ids('status=closed')).length).toBeGreaterThan(0);
    expect(await ids(`bankId=${world.hubeiBankId}`)).toEqual([]);
    expect((await ids(`chainId=${world.henanChainId}`)).length).toBeGreaterThan(3);
    expect(await ids(`enterpriseId=${world.hubeiEnterpriseId}`)).toEqual([]);
    expect(await ids('escalated=true')).toEqual([]);
    expect(await ids('overdue=true')).toEqual([]);
    clock.advance(30 * 86_400_000);
    expect((await ids('overdue=true')).length).toBeGreaterThan(0);
    expect((await api.request('GET', '/api/v1/cases?overdue=maybe', { token: actors.supervisor })).status).toBe(400);
  });

  it('sorts the work queue by the nearest deadline first', async () => {
    const page = await api.request<{ items: { dueAt: string | null }[] }>('GET', '/api/v1/cases?limit=200', {
      token: actors.supervisor,
    });
    const dues = page.body.items.map((c) => c.dueAt ?? '9999');
    expect(dues).toEqual([...dues].sort());
    expect(page.body.items.length).toBeGreaterThan(5);
  });
});
