import { ManualClock } from '@unblock/domain';
import type { HandlerResult } from '@unblock/queue';
import { SendMaturityRemindersUseCase } from '@unblock/sla';
import { diagnose } from '../support/case-fixtures';
import { newUscc } from '../support/fixtures';
import { startSlaWorld, type SlaWorld } from '../support/sla-world';
import type { HttpResult } from '../support/test-api';

type Body = Record<string, unknown>;

/** Monday 22 June 2026, 10:00 in Shanghai. */
const MONDAY = new Date('2026-06-22T02:00:00Z');

/** Renewals (续贷): applying (the enterprise's page, staff), their deadlines, the maturity calendar and reminders. */
describe('renewals and the maturity calendar', () => {
  const clock = new ManualClock(MONDAY);
  let slaWorld: SlaWorld;
  let contractSeq = 0;

  const api = () => slaWorld.api;
  const actors = () => slaWorld.actors;
  const world = () => slaWorld.world;
  const act = (token: string, id: string, action: string, body: object = {}): Promise<HttpResult<Body>> =>
    api().request<Body>('POST', `/api/v1/cases/${id}/${action}`, { token, body });
  const portal = (token: string, path: string, body: object, headers: Record<string, string> = {}) =>
    api().request<Body>('POST', `/api/v1/portal${path}`, { headers: { 'x-portal-token': token, ...headers }, body });
  const caseOf = async (id: string, token = actors().leadManager): Promise<Body> =>
    (await api().request<Body>('GET', `/api/v1/cases/${id}`, { token })).body;
  /** The case's open claim deadline passes: its job's result. */
  const missClaim = async (caseId: string): Promise<HandlerResult> => {
    const [claim] = await api().dataSource.query<{ id: string; due_at: Date }[]>(
      `SELECT id, due_at FROM case_obligations
        WHERE case_id = $1 AND obligation = 'claim' AND met_at IS NULL AND cancelled_at IS NULL`,
      [caseId],
    );
    const dueAt = claim?.due_at ?? new Date();
    clock.set(new Date(dueAt.getTime() + 1000));
    return slaWorld.handlers.deadline({ obligationId: String(claim?.id), dueAt: dueAt.toISOString() });
  };

  /** A loan of the Henan enterprise at the lead bank, maturing on `maturesOn`: the contract's and case's ids. */
  const signedLoan = async (
    maturesOn: string,
    signedOn = '2026-06-15',
    amount = '2000000.00',
  ): Promise<{ contractId: string; caseId: string }> => {
    const id = String((await diagnose(api(), actors().officer, { visitId: slaWorld.visitId }))['id']);
    expect((await act(actors().leadManager, id, 'claim')).status).toBe(200);
    expect((await act(actors().leadManager, id, 'milestones', { type: 'contacted' })).status).toBe(200);
    expect((await act(actors().leadManager, id, 'approve')).status).toBe(200);
    contractSeq += 1;
    const signed = await act(actors().leadManager, id, 'loans', {
      contracts: [
        { amount, annualRatePct: '3.6', termMonths: 12, signedOn, maturesOn, contractNo: `R-${contractSeq}` },
      ],
    });
    expect(signed.status).toBe(200);
    const [row] = await api().dataSource.query<{ id: string }[]>('SELECT id FROM loan_contracts WHERE case_id = $1', [
      id,
    ]);
    return { contractId: String(row?.id), caseId: id };
  };

  const linkToken = async (enterpriseId: string): Promise<string> => {
    const link = await api().request<Body>('POST', `/api/v1/enterprises/${enterpriseId}/links`, {
      token: actors().officer,
      body: {},
    });
    expect(link.status).toBe(201);
    return String(link.body['url']).split('/e/')[1] ?? '';
  };

  beforeAll(async () => {
    slaWorld = await startSlaWorld(clock);
  });

  afterAll(async () => {
    await slaWorld.stop();
  });

  beforeEach(() => clock.set(MONDAY));

  it('the enterprise applies on its page: a renewal case at the holding bank, due no later than maturity', async () => {
    // Maturity on Friday 3 July: 9 business days away, nearer than the decision's 15.
    const { contractId, caseId } = await signedLoan('2026-07-03');
    const token = await linkToken(world().henanEnterpriseId);
    const applied = await portal(
      token,
      `/contracts/${contractId}/renewal`,
      { withoutRepayment: true },
      {
        'idempotency-key': 'renew-1',
      },
    );
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ kind: 'renewal', status: 'assigned', requestedAmount: '2000000.00' });
    const renewalId = String(applied.body['id']);

    // A retry with the same key answers the same renewal; a second application is a 409 naming it.
    const retried = await portal(
      token,
      `/contracts/${contractId}/renewal`,
      { withoutRepayment: true },
      {
        'idempotency-key': 'renew-1',
      },
    );
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body['id']).toBe(renewalId);
    const again = await portal(token, `/contracts/${contractId}/renewal`, {});
    expect(again.status).toBe(409);
    expect(String(again.body['detail'])).toContain(String(applied.body['number']));

    const renewal = await caseOf(renewalId);
    expect(renewal).toMatchObject({
      kind: 'renewal',
      status: 'assigned',
      routingTier: 1,
      assignedBankId: world().henanBankId,
      renewalOfContractId: contractId,
      requestedRenewal: 'renewal_without_repayment',
      renewalOf: { id: contractId, maturesOn: '2026-07-03', caseId },
    });
    expect((renewal['timeline'] as Body[]).map((e) => e['type'])).toEqual(['diagnosed', 'renewal_requested']);
    const original = await caseOf(caseId);
    expect((original['loans'] as Body[])[0]?.['renewalCase']).toMatchObject({ id: renewalId, status: 'assigned' });

    // The usual claim clock; the decision and signing capped at the end of the maturity date (Shanghai).
    const endOfMaturity = '2026-07-03T15:59:59.999Z';
    expect((await act(actors().leadManager, renewalId, 'claim')).status).toBe(200);
    const claimed = await caseOf(renewalId);
    const decision = (claimed['obligations'] as Body[]).find((o) => o['obligation'] === 'decision');
    expect(decision?.['dueAt']).toBe(endOfMaturity);
    expect((await act(actors().leadManager, renewalId, 'milestones', { type: 'contacted' })).status).toBe(200);
    expect((await act(actors().leadManager, renewalId, 'approve')).status).toBe(200);
    const approved = await caseOf(renewalId);
    const signing = (approved['obligations'] as Body[]).find((o) => o['obligation'] === 'signing');
    expect(signing?.['dueAt']).toBe(endOfMaturity);

    // Signing records the renewal asked for, unless the bank says otherwise.
    const signed = await act(actors().leadManager, renewalId, 'loans', {
      contracts: [
        {
          amount: '2000000.00',
          annualRatePct: '3.4',
          termMonths: 12,
          signedOn: '2026-06-22',
          maturesOn: '2027-07-03',
          contractNo: 'RN-1',
        },
      ],
    });
    expect(signed.status).toBe(200);
    expect((((await caseOf(renewalId))['loans'] as Body[])[0] ?? {})['renewal']).toBe('renewal_without_repayment');

    // The list filters by kind.
    const renewals = await api().request<{ items: Body[] }>('GET', '/api/v1/cases?kind=renewal', {
      token: actors().leadManager,
    });
    expect(renewals.body.items.map((c) => c['id'])).toContain(renewalId);
    expect(renewals.body.items.every((c) => c['kind'] === 'renewal')).toBe(true);
    const badKind = await api().request<Body>('GET', '/api/v1/cases?kind=loan', { token: actors().leadManager });
    expect(badKind.status).toBe(400);
  });

  it('another enterprise’s contract is not found; a matured one is refused; bad input names the field', async () => {
    const { contractId } = await signedLoan('2026-09-30');
    const other = await api().request<Body>('POST', '/api/v1/enterprises', {
      token: world().adminToken,
      body: { uscc: newUscc('410100'), name: '郑州另一家企业', regionCode: '410100', size: 'small' },
    });
    const otherToken = await linkToken(String(other.body['id']));
    expect((await portal(otherToken, `/contracts/${contractId}/renewal`, {})).status).toBe(404);

    const token = await linkToken(world().henanEnterpriseId);
    for (const [field, body] of [
      ['requestedAmount', { requestedAmount: '-5' }],
      ['requestedAmount', { requestedAmount: 'abc' }],
      ['withoutRepayment', { withoutRepayment: 'yes' }],
    ] as const) {
      const refused = await portal(token, `/contracts/${contractId}/renewal`, body);
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    const [{ n }] = await api().dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM cases WHERE renewal_of_contract_id = $1`,
      [contractId],
    );
    expect(n).toBe(0);

    const matured = await signedLoan('2026-06-19', '2026-06-01');
    const late = await portal(token, `/contracts/${matured.contractId}/renewal`, {});
    expect(late.status).toBe(409);
    expect(String(late.body['detail'])).toContain('matured on 2026-06-19');
  });

  it('staff apply for the enterprise: its region’s officer or the holding bank; others see no contract', async () => {
    const byOfficer = await signedLoan('2026-10-30');
    const byBank = await signedLoan('2026-10-29');
    for (const token of [actors().hubeiOfficer, actors().deputyManager, actors().hubeiSupervisor]) {
      const hidden = await api().request<Body>('POST', `/api/v1/contracts/${byOfficer.contractId}/renewal`, {
        token,
        body: {},
      });
      expect(hidden.status).toBe(404);
    }
    const officer = await api().request<Body>('POST', `/api/v1/contracts/${byOfficer.contractId}/renewal`, {
      token: actors().officer,
      body: { requestedAmount: '1500000', note: '企业来电申请续贷' },
    });
    expect(officer.status).toBe(201);
    expect(officer.body).toMatchObject({
      kind: 'renewal',
      status: 'assigned',
      assignedBankId: world().henanBankId,
      requestedAmount: '1500000.00',
      requestedRenewal: 'renewal',
      source: 'phone',
    });
    const bank = await api().request<Body>('POST', `/api/v1/contracts/${byBank.contractId}/renewal`, {
      token: actors().leadManager,
      body: {},
    });
    expect(bank.status).toBe(201);
    const duplicate = await api().request<Body>('POST', `/api/v1/contracts/${byBank.contractId}/renewal`, {
      token: actors().supervisor,
      body: {},
    });
    expect(duplicate.status).toBe(409);
  });

  it('the maturity calendar: a bank its own, a region its own, business days left, the renewal applied for', async () => {
    const { contractId } = await signedLoan('2026-08-14', '2026-06-15', '3000000.00');
    const calendar = async (token: string, query = '') =>
      api().request<{ items: Body[]; weeks: Body[] }>('GET', `/api/v1/contracts/maturing${query}`, { token });

    const lead = await calendar(actors().leadManager, '?from=2026-08-14&to=2026-08-14');
    expect(lead.status).toBe(200);
    const item = lead.body.items.find((i) => i['id'] === contractId);
    expect(item).toMatchObject({
      amount: '3000000.00',
      maturesOn: '2026-08-14',
      businessDaysLeft: 39,
      enterpriseId: world().henanEnterpriseId,
      renewalCase: null,
    });
    expect(typeof item?.['enterpriseName']).toBe('string');
    expect(typeof item?.['bankName']).toBe('string');
    expect(lead.body.weeks).toEqual([expect.objectContaining({ weekOf: '2026-08-10', count: lead.body.items.length })]);
    // Another bank, another province: not theirs. The Henan supervisor sees it.
    expect((await calendar(actors().deputyManager, '?from=2026-08-14&to=2026-08-14')).body.items).toEqual([]);
    expect((await calendar(actors().hubeiSupervisor, '?from=2026-08-14&to=2026-08-14')).body.items).toEqual([]);
    const supervisor = await calendar(actors().supervisor, '?from=2026-08-14&to=2026-08-14&regionCode=410100');
    expect(supervisor.body.items.map((i) => i['id'])).toContain(contractId);
    // The default window is the next 60 days.
    expect((await calendar(actors().leadManager)).body.items.map((i) => i['id'])).toContain(contractId);
    for (const [field, query] of [
      ['from', '?from=2026-02-30'],
      ['to', '?to=tomorrow'],
      ['to', '?from=2026-08-14&to=2026-08-01'],
      ['bankId', '?bankId=1'],
      ['regionCode', '?regionCode=41'],
    ] as const) {
      const refused = await calendar(actors().leadManager, query);
      expect(refused.status).toBe(400);
      expect((refused.body as unknown as Body)['errors']).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    }
    // A renewal applied for shows on it.
    const applied = await api().request<Body>('POST', `/api/v1/contracts/${contractId}/renewal`, {
      token: actors().officer,
      body: {},
    });
    const after = await calendar(actors().leadManager, '?from=2026-08-14&to=2026-08-14');
    expect(after.body.items.find((i) => i['id'] === contractId)?.['renewalCase']).toMatchObject({
      id: applied.body['id'],
      number: applied.body['number'],
      status: 'assigned',
    });
  });

  it('reminds the holding bank at exactly 30, 15 and 5 business days, once each, only the nearest when missed', async () => {
    const reminders = slaWorld.sla.get(SendMaturityRemindersUseCase);
    // Friday 11 September 2026: 30 business days before is Friday 31 July, 15 Friday 21 August, 5 Friday 4 September.
    const { contractId } = await signedLoan('2026-09-11');
    const renewed = await signedLoan('2026-09-10');
    expect(
      (
        await api().request('POST', `/api/v1/contracts/${renewed.contractId}/renewal`, {
          token: actors().officer,
          body: {},
        })
      ).status,
    ).toBe(201);
    const sent = async (id: string) =>
      (
        await api().dataSource.query<{ days_before: number }[]>(
          'SELECT days_before FROM maturity_reminders WHERE contract_id = $1 ORDER BY days_before DESC',
          [id],
        )
      ).map((r) => r.days_before);
    const at = async (shanghaiDay: string) => {
      clock.set(new Date(`${shanghaiDay}T00:30:00Z`));
      await reminders.execute();
    };

    await at('2026-07-30');
    expect(await sent(contractId)).toEqual([]);
    await at('2026-07-31');
    expect(await sent(contractId)).toEqual([30]);
    await at('2026-07-31');
    await at('2026-08-20');
    expect(await sent(contractId)).toEqual([30]);
    // The 15 and 5 marks both passed unseen: only the nearest (5) is sent.
    await at('2026-09-04');
    expect(await sent(contractId)).toEqual([30, 5]);
    await at('2026-09-07');
    expect(await sent(contractId)).toEqual([30, 5]);
    // A contract with a renewal applied for is not reminded.
    expect(await sent(renewed.contractId)).toEqual([]);

    const inbox = await api().request<{ items: Body[] }>('GET', '/api/v1/me/notifications?kind=maturity', {
      token: actors().leadManager,
    });
    const notices = inbox.body.items.filter((n) => (n['data'] as Body)['contractId'] === contractId);
    // Newest first: the 5-day reminder, then the 30-day one.
    expect(notices.map((n) => (n['data'] as Body)['daysBefore'])).toEqual([5, 30]);
    expect(String(notices[0]?.['title'])).toContain('2026-09-11');
    expect(String(notices[0]?.['title'])).toContain('200万元');
  });

  it('the reports count the renewal applications, and the renewals signed (with and without repayment)', async () => {
    const [{ n, first, last }] = await api().dataSource.query<{ n: number; first: string; last: string }[]>(
      `SELECT count(*)::int AS n, min((created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS first,
              max((created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS last
         FROM cases WHERE kind = 'renewal' AND campaign_id = $1`,
      [world().provinceCampaignId],
    );
    expect(n).toBeGreaterThanOrEqual(5);
    const byCampaign = await api().request<Body>(
      'GET',
      `/api/v1/reports/summary?campaignId=${world().provinceCampaignId}`,
      { token: world().adminToken },
    );
    expect(byCampaign.status).toBe(200);
    expect(byCampaign.body['renewalApplications']).toBe(n);
    expect(byCampaign.body['loanOutcomes']).toMatchObject({
      renewals: { count: 1, amount: '2000000.00' },
      renewalsWithoutRepayment: { count: 1, amount: '2000000.00' },
    });
    // By dates (the day rollups), as the province's supervisor: the same.
    const byDates = await api().request<Body>('GET', `/api/v1/reports/summary?from=${first}&to=${last}`, {
      token: actors().supervisor,
    });
    expect(byDates.body['renewalApplications']).toBe(n);
  });

  it('a renewal whose claim deadline passes stays at the bank holding the loan, escalated, on a fresh claim clock', async () => {
    const { contractId } = await signedLoan('2026-11-30');
    const applied = await api().request<Body>('POST', `/api/v1/contracts/${contractId}/renewal`, {
      token: actors().officer,
      body: {},
    });
    const renewalId = String(applied.body['id']);
    expect(await missClaim(renewalId)).toEqual({
      done: 'escalated to level 1; the renewal stays at the bank holding the loan, on a fresh claim clock',
    });
    const after = await caseOf(renewalId, actors().supervisor);
    expect(after).toMatchObject({
      status: 'assigned',
      assignedBankId: world().henanBankId,
      routingTier: 1,
      escalationLevel: 1,
    });
    const open = (after['obligations'] as Body[]).filter((o) => o['obligation'] === 'claim' && o['metAt'] === null);
    expect(open.filter((o) => o['cancelledAt'] === null)).toHaveLength(1);
    // The supervisors' notice names the lender, without a tier of "1+2+N" (it is no chain's lead bank here).
    const inbox = await api().request<{ items: Body[] }>('GET', '/api/v1/me/notifications?kind=escalation', {
      token: actors().supervisor,
    });
    const notice = inbox.body.items.find((n) => n['caseId'] === renewalId);
    expect(notice?.['title']).toBe(`${String(after['number'])}：郑州银行认领超时，一级督办`);
    expect(notice?.['data']).toMatchObject({ bankName: '郑州银行' });
    expect(notice?.['data']).not.toHaveProperty('tier');
  });

  it('a renewal declined waits for no other bank (none holds the loan): its claim deadline takes it to the supervisors', async () => {
    const { contractId } = await signedLoan('2026-11-30');
    const applied = await api().request<Body>('POST', `/api/v1/contracts/${contractId}/renewal`, {
      token: actors().officer,
      body: {},
    });
    const renewalId = String(applied.body['id']);
    expect((await act(actors().leadManager, renewalId, 'claim')).status).toBe(200);
    expect((await act(actors().leadManager, renewalId, 'decline', { reason: 'credit_risk' })).status).toBe(200);
    const after = await caseOf(renewalId, actors().supervisor);
    expect(after).toMatchObject({ status: 'assigned', assignedBankId: null, routingTier: 3 });
    const declined = (after['timeline'] as Body[]).find((e) => e['type'] === 'declined');
    expect(declined?.['data']).toMatchObject({ next: { tier: 3, bankId: null, pool: [], unroutable: true } });
    // No bank may claim it: the deputy lead bank of the chain is not the lender.
    expect((await act(actors().deputyManager, renewalId, 'claim')).status).toBe(404);
    expect(await missClaim(renewalId)).toEqual({ done: 'no bank may claim the renewal: escalated to level 2' });
    const inbox = await api().request<{ items: Body[] }>('GET', '/api/v1/me/notifications?kind=escalation', {
      token: actors().supervisor,
    });
    const titles = inbox.body.items.filter((n) => n['caseId'] === renewalId).map((n) => String(n['title']));
    expect(titles.sort()).toEqual(
      ['一级督办', '二级督办'].map((l) => `${String(after['number'])}：已无银行可认领，${l}`),
    );
  });
});
