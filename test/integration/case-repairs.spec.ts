import { ManualClock } from '@unblock/domain';
import type { Actors } from '../support/case-fixtures';
import type { DeadlineHandlers } from '../support/deadlines';
import type { World } from '../support/fixtures';
import { startSlaWorld, type SlaWorld } from '../support/sla-world';
import type { TestApi } from '../support/test-api';

interface CaseBody {
  id: string;
  status: string;
  version: number;
  routingTier: number | null;
  assignedBankId: string | null;
  escalationLevel: number;
  timeline: { type: string; data: Record<string, unknown> }[];
  repairs: { id: string; status: string; organizationName: string; reasonName: string; repairPath: string | null }[];
  declineReasons: { code: string; name: string; repairable: boolean }[];
}

interface TaskBody {
  id: string;
  caseId: string;
  caseNumber: string;
  enterpriseName: string;
  organizationName: string;
  reasonCode: string;
  reasonName: string;
  repairPath: string | null;
  declinedByOrganizationName: string | null;
  dueAt: string;
  status: string;
  overdue: boolean;
}

describe('repairable declines (二次诊断): repairing, repair tasks on their own clocks, back to the bank that declined', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let handlers: DeadlineHandlers;
  let slaWorld: SlaWorld;
  let taxBureauId: string;
  let guaranteeFundId: string;
  let taxOfficer: string;
  let guaranteeOfficer: string;

  beforeAll(async () => {
    slaWorld = await startSlaWorld(clock);
    ({ api, world, actors, handlers } = slaWorld);
    const organization = async (kind: string, name: string): Promise<string> => {
      const created = await api.request('POST', '/api/v1/organizations', {
        token: world.adminToken,
        body: { kind, name, regionCode: '410100' },
      });
      expect(created.status).toBe(201);
      return String(created.body['id']);
    };
    taxBureauId = await organization('government_department', '郑州市税务局');
    guaranteeFundId = await organization('guarantee_institution', '郑州市融资担保有限公司');
    taxOfficer = (await api.userToken('partner_officer', { organizationId: taxBureauId, regionCode: '410100' })).token;
    guaranteeOfficer = (
      await api.userToken('partner_officer', { organizationId: guaranteeFundId, regionCode: '410100' })
    ).token;
  });

  afterAll(async () => {
    await slaWorld.stop();
  });

  beforeEach(() => clock.set(new Date('2026-06-01T02:00:00Z')));

  /** A need routed to the chain's lead bank, claimed by its manager. */
  const claimedCase = async (): Promise<string> => {
    const created = await api.request('POST', '/api/v1/cases', {
      token: actors.officer,
      body: {
        source: 'phone',
        enterpriseId: world.henanEnterpriseId,
        campaignId: world.provinceCampaignId,
        requestedAmount: '5000000.00',
        purpose: 'equipment_upgrade',
        term: 'medium_long',
        bottlenecks: ['guarantee_missing'],
      },
    });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    expect((await api.request('POST', `/api/v1/cases/${id}/claim`, { token: actors.leadManager })).status).toBe(200);
    return id;
  };
  const decline = (caseId: string, reason: string, token = actors.leadManager) =>
    api.request<CaseBody>('POST', `/api/v1/cases/${caseId}/decline`, { token, body: { reason } });
  const openRepair = (caseId: string, body: object, token = actors.supervisor) =>
    api.request<TaskBody>('POST', `/api/v1/cases/${caseId}/repairs`, { token, body });
  const complete = (taskId: string, body: object, token: string) =>
    api.request<TaskBody>('POST', `/api/v1/repairs/${taskId}/complete`, { token, body });
  const detail = async (caseId: string): Promise<CaseBody> =>
    (await api.request<CaseBody>('GET', `/api/v1/cases/${caseId}`, { token: actors.supervisor })).body;
  const obligations = (caseId: string) =>
    api.dataSource.query<{ id: string; obligation: string; due_at: Date; open: boolean }[]>(
      `SELECT id, obligation, due_at, met_at IS NULL AND cancelled_at IS NULL AS open
         FROM case_obligations WHERE case_id = $1 ORDER BY opened_at, obligation`,
      [caseId],
    );

  it('takes any reason of the catalogue; an unknown code is a 400 naming reason, writing nothing', async () => {
    const caseId = await claimedCase();
    const unknown = await decline(caseId, 'no_such_reason');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [expect.objectContaining({ field: 'reason' })] });
    const malformed = await decline(caseId, 'Tax Arrears!');
    expect(malformed.status).toBe(400);
    expect((await detail(caseId)).status).toBe('claimed');
    // A reason that is not repairable moves the case on to the deputy bank, as before.
    const moved = await decline(caseId, 'credit_risk');
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'assigned', routingTier: 2, assignedBankId: world.henanBank2Id });
  });

  it('puts a case declined for a repairable reason in its second diagnosis, on the supervisors’ queue', async () => {
    const caseId = await claimedCase();
    const declined = await decline(caseId, 'tax_arrears');
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'repairing', routingTier: 1, assignedBankId: world.henanBankId });
    const c = await detail(caseId);
    expect(c.timeline.at(-1)).toMatchObject({
      type: 'declined',
      data: { reason: 'tax_arrears', repairable: true, to: 'repairing' },
    });
    expect(c.declineReasons).toEqual([
      expect.objectContaining({ code: 'tax_arrears', name: '存在欠税', repairable: true }),
    ]);
    expect((await obligations(caseId)).filter((o) => o.open)).toEqual([]);
    const queue = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/cases?status=repairing&limit=200', {
      token: actors.supervisor,
    });
    expect(queue.body.items.map((i) => i.id)).toContain(caseId);
    // The bank can no longer act on it; a field officer cannot open repairs.
    expect((await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token: actors.leadManager })).status).toBe(
      409,
    );
    expect((await openRepair(caseId, { organizationId: taxBureauId }, actors.officer)).status).toBe(403);
  });

  it('answers bad repair tasks with a 400 naming the field', async () => {
    const caseId = await claimedCase();
    await decline(caseId, 'tax_arrears');
    const bank = await openRepair(caseId, { organizationId: world.henanBankId });
    expect(bank.status).toBe(400);
    expect(bank.body).toMatchObject({ errors: [expect.objectContaining({ field: 'organizationId' })] });
    const past = await openRepair(caseId, { organizationId: taxBureauId, due: '2026-05-01' });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ errors: [expect.objectContaining({ field: 'due' })] });
    const badDate = await openRepair(caseId, { organizationId: taxBureauId, due: '2026-02-30' });
    expect(badDate.status).toBe(400);
    const [row] = await api.dataSource.query<{ n: string }[]>(
      'SELECT count(*)::text AS n FROM repair_tasks WHERE case_id = $1',
      [caseId],
    );
    expect(row?.n).toBe('0');
    const bad = await complete('00000000-0000-4000-8000-000000000000', { outcome: 'fixed' }, taxOfficer);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ field: 'outcome' })] });
  });

  it('runs the repair loop: tasks with their own clocks, each partner seeing only its own; repaired goes back to the bank that declined', async () => {
    const caseId = await claimedCase();
    await decline(caseId, 'tax_arrears');
    const tax = await openRepair(caseId, { organizationId: taxBureauId, due: '2026-06-12', note: '补缴欠税和滞纳金' });
    expect(tax.status).toBe(201);
    expect(tax.body).toMatchObject({
      caseId,
      organizationName: '郑州市税务局',
      reasonCode: 'tax_arrears',
      reasonName: '存在欠税',
      declinedByOrganizationName: expect.any(String) as unknown,
      status: 'open',
      overdue: false,
      // The end of that day in Shanghai.
      dueAt: '2026-06-12T15:59:59.999Z',
    });
    expect(tax.body.repairPath).toContain('税务');
    // Without a due date: the SLA policy's repair duration, 10 business days from Monday 1 June: Monday 15 June.
    const guarantee = await openRepair(caseId, { organizationId: guaranteeFundId });
    expect(guarantee.status).toBe(201);
    expect(guarantee.body.dueAt).toBe('2026-06-15T15:59:59.999Z');
    expect((await obligations(caseId)).filter((o) => o.open).map((o) => o.obligation)).toEqual(['repair', 'repair']);

    // Each partner officer sees its own organization's task and that task's case, read-only.
    const taxList = await api.request<{ items: TaskBody[] }>('GET', '/api/v1/repairs?status=open', {
      token: taxOfficer,
    });
    expect(taxList.status).toBe(200);
    expect(taxList.body.items.map((t) => t.id)).toEqual([tax.body.id]);
    expect(taxList.body.items[0]).toMatchObject({ enterpriseName: expect.any(String) as unknown });
    expect((await api.request('GET', `/api/v1/cases/${caseId}`, { token: taxOfficer })).status).toBe(200);
    expect((await api.request('GET', `/api/v1/cases/${caseId}`, { token: guaranteeOfficer })).status).toBe(200);
    const other = await claimedCase();
    expect((await api.request('GET', `/api/v1/cases/${other}`, { token: taxOfficer })).status).toBe(404);
    expect((await api.request('GET', '/api/v1/reports/summary', { token: taxOfficer })).status).toBe(403);
    expect(
      (await api.request('POST', `/api/v1/cases/${caseId}/notes`, { token: taxOfficer, body: { text: 'x' } })).status,
    ).toBe(403);
    // Another organization's task is not there for them.
    expect((await complete(tax.body.id, { outcome: 'repaired' }, guaranteeOfficer)).status).toBe(404);
    // Not repairable needs a reason why.
    expect((await complete(guarantee.body.id, { outcome: 'not_repairable' }, guaranteeOfficer)).status).toBe(400);

    // The guarantee fund cannot: its task closes, its clock stops, the tax task runs on.
    const failed = await complete(
      guarantee.body.id,
      { outcome: 'not_repairable', note: '企业不符合担保条件' },
      guaranteeOfficer,
    );
    expect(failed.status).toBe(200);
    expect(failed.body.status).toBe('not_repairable');
    expect((await detail(caseId)).status).toBe('repairing');
    expect((await obligations(caseId)).filter((o) => o.open)).toHaveLength(1);
    expect((await complete(guarantee.body.id, { outcome: 'repaired' }, guaranteeOfficer)).status).toBe(409);

    // The tax bureau repairs it: back to the lead bank that declined, assigned, with a fresh claim clock.
    clock.set(new Date('2026-06-03T02:00:00Z'));
    const repaired = await complete(tax.body.id, { outcome: 'repaired', note: '已补缴，开具完税证明' }, taxOfficer);
    expect(repaired.status).toBe(200);
    expect(repaired.body.status).toBe('repaired');
    const c = await detail(caseId);
    expect(c).toMatchObject({ status: 'assigned', routingTier: 1, assignedBankId: world.henanBankId });
    expect(c.timeline.map((e) => e.type).slice(-5)).toEqual([
      'declined',
      'repair_opened',
      'repair_opened',
      'repair_failed',
      'repaired',
    ]);
    expect(c.repairs.map((r) => r.status)).toEqual(['repaired', 'not_repairable']);
    const open = (await obligations(caseId)).filter((o) => o.open);
    expect(open.map((o) => o.obligation)).toEqual(['claim']);
    // Wednesday 10:00 + 3 business days: Monday's end.
    expect(open[0]?.due_at.toISOString()).toBe('2026-06-08T15:59:59.999Z');

    // The bank claims it again; a further decline, even for a repairable reason, moves it on by "1+2+N".
    expect((await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token: actors.leadManager })).status).toBe(
      200,
    );
    const again = await decline(caseId, 'tax_arrears');
    expect(again.body).toMatchObject({ status: 'assigned', routingTier: 2, assignedBankId: world.henanBank2Id });
  });

  it('escalates an overdue repair task to level 1 on the supervisors’ queue, reminds its organization first', async () => {
    const caseId = await claimedCase();
    await decline(caseId, 'tax_arrears');
    const task = await openRepair(caseId, { organizationId: taxBureauId, due: '2026-06-05' });
    const [obligation] = (await obligations(caseId)).filter((o) => o.open);
    const job = { obligationId: String(obligation?.id), dueAt: String(obligation?.due_at.toISOString()) };
    clock.set(new Date((obligation?.due_at ?? new Date()).getTime() - 3_600_000));
    expect(await handlers.reminder(job)).toEqual({ done: 'reminded 1' });
    const inbox = await api.request<{ items: { kind: string; caseId: string }[] }>('GET', '/api/v1/me/notifications', {
      token: taxOfficer,
    });
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'reminder', caseId })]));
    clock.set(new Date((obligation?.due_at ?? new Date()).getTime() + 1000));
    expect(await handlers.deadline(job)).toEqual({ done: 'escalated to level 1' });
    expect((await detail(caseId)).escalationLevel).toBe(1);
    const listed = await api.request<{ items: TaskBody[] }>('GET', `/api/v1/repairs?caseId=${caseId}`, {
      token: actors.supervisor,
    });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: task.body.id, overdue: true })]);
    const queue = await api.request<{ items: { caseId: string; obligation: string }[] }>(
      'GET',
      '/api/v1/escalations?status=open',
      { token: actors.supervisor },
    );
    expect(queue.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId, obligation: 'repair' })]),
    );
    // Closing the task settles its escalation.
    await complete(task.body.id, { outcome: 'not_repairable', note: '企业无力补缴' }, taxOfficer);
    const c = await detail(caseId);
    expect(c).toMatchObject({ status: 'repairing', escalationLevel: 0 });
    // With every task not repairable, a supervisor routes it on from the tier that declined.
    const routed = await api.request('POST', `/api/v1/cases/${caseId}/route`, { token: actors.supervisor, body: {} });
    expect(routed.status).toBe(200);
    expect(routed.body).toMatchObject({ status: 'assigned', routingTier: 2, assignedBankId: world.henanBank2Id });
  });

  it('lapses the open tasks of a case a supervisor closes', async () => {
    const caseId = await claimedCase();
    await decline(caseId, 'missing_guarantee');
    const task = await openRepair(caseId, { organizationId: guaranteeFundId });
    const closed = await api.request('POST', `/api/v1/cases/${caseId}/close`, {
      token: actors.supervisor,
      body: { resolution: 'resolved_elsewhere' },
    });
    expect(closed.status).toBe(200);
    const listed = await api.request<{ items: TaskBody[] }>('GET', '/api/v1/repairs', { token: guaranteeOfficer });
    expect(listed.body.items.find((t) => t.id === task.body.id)?.status).toBe('cancelled');
    expect((await complete(task.body.id, { outcome: 'repaired' }, guaranteeOfficer)).status).toBe(409);
  });

  it('reports the second diagnoses: tasks opened, repaired, not repairable, open, overdue, and loans signed after a repair', async () => {
    const caseId = await claimedCase();
    await decline(caseId, 'credit_record_error');
    const task = await openRepair(caseId, { organizationId: taxBureauId });
    await complete(task.body.id, { outcome: 'repaired', note: '征信异议已更正' }, taxOfficer);
    const step = async (action: string, body: object = {}): Promise<void> => {
      const answer = await api.request('POST', `/api/v1/cases/${caseId}/${action}`, {
        token: actors.leadManager,
        body,
      });
      expect({ action, status: answer.status }).toEqual({ action, status: 200 });
    };
    await step('claim');
    await step('milestones', { type: 'contacted' });
    await step('approve');
    await step('loans', {
      contracts: [
        { amount: '4500000.00', annualRatePct: '3.45', termMonths: 36, signedOn: '2026-06-01', contractNo: 'R-1' },
      ],
    });
    const summary = await api.request('GET', `/api/v1/reports/summary?campaignId=${world.provinceCampaignId}`, {
      token: actors.supervisor,
    });
    expect(summary.status).toBe(200);
    // Every task this file opened: the loop's two, the escalated one, the lapsed one, and this one.
    expect(summary.body['repairs']).toEqual({
      opened: 5,
      repaired: 2,
      notRepairable: 2,
      open: 0,
      overdue: 0,
      signedAfterRepair: 1,
      signedAmountAfterRepair: '4500000.00',
    });
    // The funnel's repaired: the needs that came back repaired (the loop's, and this one).
    expect(summary.body['funnel']).toMatchObject({ repaired: 2 });
    const hubei = await api.request('GET', `/api/v1/reports/summary?campaignId=${world.provinceCampaignId}`, {
      token: actors.hubeiSupervisor,
    });
    expect(hubei.body['repairs']).toMatchObject({ opened: 0, signedAfterRepair: 0 });
  });
});
