import {
  CASE_STATUSES,
  ManualClock,
  type Actor,
  businessCalendar,
  businessDaysBetween,
  fromFen,
  median,
  toFen,
  type CaseStatus,
} from '@unblock/domain';
import { XLSX_TYPE } from '@unblock/http';
import { ReportRollups, ReportsService, type ReportQuery } from '@unblock/reports';
import { Workbook } from 'exceljs';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

type Figures = Record<string, unknown> & {
  casesByStatus: Record<CaseStatus, number>;
  topBottlenecks: { bottleneck: string; count: number }[];
};

interface Rows {
  visits: {
    enterprise_id: string;
    region_code: string;
    campaign_id: string;
    visited_on: string;
    visitor_organization_id: string | null;
  }[];
  cases: {
    id: string;
    enterprise_id: string;
    region_code: string;
    campaign_id: string;
    status: CaseStatus;
    term: string;
    bottlenecks: string[];
    intention_amount: string | null;
    assigned_bank_id: string | null;
    created_at: Date;
    chain_role: string | null;
    chain_id: string | null;
  }[];
  loans: { case_id: string; amount: string; bank_id: string; signed_on: string }[];
  claims: { case_id: string; opened_at: Date; due_at: Date; met_at: Date | null; cancelled_at: Date | null }[];
  claimedAt: { case_id: string; at: Date }[];
  calendar: { holidays: string[]; workdays: string[] };
}

const ratio = (num: bigint, den: bigint): string | null => {
  if (den === 0n) return null;
  const scaled = (num * 20000n + den) / (2n * den);
  return `${scaled / 10000n}.${(scaled % 10000n).toString().padStart(4, '0')}`;
};

/** The same figures, computed here from the rows, independently of the report's SQL. */
function expected(
  rows: Rows,
  now: Date,
  keep: { region?: [string, string]; bank?: string; campaignId?: string },
): Figures {
  const inRegion = (code: string) => !keep.region || (code >= keep.region[0] && code <= keep.region[1]);
  const inCampaign = (id: string) => !keep.campaignId || id === keep.campaignId;
  const visits = rows.visits.filter(
    (v) =>
      inRegion(v.region_code) && inCampaign(v.campaign_id) && (!keep.bank || v.visitor_organization_id === keep.bank),
  );
  const cases = rows.cases.filter(
    (c) => inRegion(c.region_code) && inCampaign(c.campaign_id) && (!keep.bank || c.assigned_bank_id === keep.bank),
  );
  const caseOf = new Map(rows.cases.map((c) => [c.id, c]));
  const loans = rows.loans.filter((l) => {
    const c = caseOf.get(l.case_id);
    return (
      c !== undefined && inRegion(c.region_code) && inCampaign(c.campaign_id) && (!keep.bank || l.bank_id === keep.bank)
    );
  });
  const ids = new Set(cases.map((c) => c.id));
  const sum = (values: (string | null)[]) => values.reduce((s, v) => s + (v ? toFen(v) : 0n), 0n);
  const signed = sum(loans.map((l) => l.amount));
  const claims = rows.claims.filter((o) => ids.has(o.case_id));
  const met = claims.filter((o) => o.met_at !== null && o.met_at <= o.due_at).length;
  const missed = claims.filter(
    (o) =>
      (o.met_at !== null && o.met_at > o.due_at) ||
      (o.met_at === null &&
        ((o.cancelled_at !== null && o.cancelled_at > o.due_at) || (o.cancelled_at === null && o.due_at < now))),
  ).length;
  const calendar = businessCalendar(rows.calendar.holidays, rows.calendar.workdays);
  const toClaim = cases
    .filter((c) => rows.claimedAt.some((e) => e.case_id === c.id))
    .map((c) => {
      const assigned = rows.claims.filter((o) => o.case_id === c.id).map((o) => o.opened_at.getTime());
      const claimed = rows.claimedAt.filter((e) => e.case_id === c.id).map((e) => e.at.getTime());
      return businessDaysBetween(new Date(Math.min(...assigned)), new Date(Math.min(...claimed)), calendar);
    });
  const signedCases = [...new Set(loans.map((l) => l.case_id))];
  const toSigning = signedCases.map((id) => {
    const first =
      loans
        .filter((l) => l.case_id === id)
        .map((l) => l.signed_on)
        .sort()[0] ?? '';
    return businessDaysBetween(caseOf.get(id)?.created_at ?? now, new Date(`${first}T12:00:00+08:00`), calendar);
  });
  const counts = new Map<string, number>();
  for (const c of cases) for (const b of c.bottlenecks) counts.set(b, (counts.get(b) ?? 0) + 1);
  const casesByStatus = Object.fromEntries(
    CASE_STATUSES.map((s) => [s, cases.filter((c) => c.status === s).length]),
  ) as Record<CaseStatus, number>;
  return {
    visits: visits.length,
    enterprisesVisited: new Set(visits.map((v) => v.enterprise_id)).size,
    needsDiagnosed: cases.length,
    casesByStatus,
    enterprisesFinanced: new Set(loans.map((l) => caseOf.get(l.case_id)?.enterprise_id)).size,
    intentionAmount: fromFen(sum(cases.map((c) => c.intention_amount))),
    signedAmount: fromFen(signed),
    signedCount: loans.length,
    longTermShare: ratio(
      sum(loans.filter((l) => caseOf.get(l.case_id)?.term === 'medium_long').map((l) => l.amount)),
      signed,
    ),
    chainLeaderShare: ratio(
      sum(loans.filter((l) => caseOf.get(l.case_id)?.chain_role === 'leader').map((l) => l.amount)),
      signed,
    ),
    claimsWithinSlaShare: ratio(BigInt(met), BigInt(met + missed)),
    medianBusinessDaysToClaim: median(toClaim),
    medianBusinessDaysToSigning: median(toSigning),
    topBottlenecks: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 8)
      .map(([bottleneck, count]) => ({ bottleneck, count })),
  };
}

describe('campaign reports', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;

  /** Each of `reports` for `reader` and `query` from the rollups equals the same report from the base tables. */
  async function expectAsBaseTables(
    reader: Actor,
    query: ReportQuery,
    reports: readonly ('summary' | 'chains' | 'banks')[],
  ): Promise<void> {
    const service = api.app.get(ReportsService);
    const reference = service.fromBaseTables();
    const context = JSON.stringify({ reader: reader.userId, query });
    for (const report of reports) {
      expect({ context, figures: await service[report](reader, query) }).toEqual({
        context,
        figures: await reference[report](reader, query),
      });
    }
  }

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    const campaignId = world.provinceCampaignId;
    const visit = await recordVisit(api, actors.officer, { campaignId, enterpriseId: world.henanEnterpriseId });
    await recordVisit(api, actors.officer, {
      campaignId,
      enterpriseId: world.henanEnterpriseId,
      visitedOn: '2026-05-20',
    });
    const loose = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: { uscc: newUscc('410102'), name: '无链企业', regionCode: '410102', size: 'micro' },
    });
    const looseVisit = await recordVisit(api, actors.officer, {
      campaignId,
      enterpriseId: String(loose.body['id']),
      visitedOn: '2026-05-28',
    });
    const hubeiVisit = await recordVisit(api, actors.hubeiOfficer, {
      campaignId: world.hubeiCampaignId,
      enterpriseId: world.hubeiEnterpriseId,
    });
    const act = (token: string, id: string, action: string, body: object = {}) =>
      api.request('POST', `/api/v1/cases/${id}/${action}`, { token, body });
    const contract = (no: string, amount: string, bankId?: string) => ({
      amount,
      annualRatePct: '3.6',
      termMonths: 24,
      signedOn: '2026-06-05',
      contractNo: no,
      ...(bankId ? { bankId } : {}),
    });

    // A: claimed two business days later, an intention, approved, signed by two banks.
    const a = String((await diagnose(api, actors.officer, { visitId: visit, requestedAmount: '3000000' }))['id']);
    clock.advance(2 * 86_400_000);
    await act(actors.leadManager, a, 'claim');
    await act(actors.leadManager, a, 'milestones', { type: 'intention', intentionAmount: '2500000.10' });
    await act(actors.leadManager, a, 'approve');
    clock.advance(2 * 86_400_000);
    await act(actors.leadManager, a, 'loans', {
      contracts: [contract('A-1', '1500000.05'), contract('A-2', '999999.99', world.henanBank2Id)],
    });
    // B: declined by the lead bank, claimed by the deputy, signed, short term.
    const b = await api.request('POST', '/api/v1/cases', {
      token: actors.officer,
      body: {
        visitId: visit,
        requestedAmount: '800000',
        purpose: 'working_capital',
        term: 'short',
        bottlenecks: ['high_financing_cost', 'slow_approval'],
      },
    });
    const bId = String(b.body['id']);
    await act(actors.leadManager, bId, 'decline', { reason: 'credit_risk' });
    await act(actors.deputyManager, bId, 'claim');
    await act(actors.deputyManager, bId, 'approve');
    await act(actors.deputyManager, bId, 'loans', { contracts: [contract('B-1', '700000.00')] });
    // C: left at the pool of the region (no chain), soon overdue. D: withdrawn. E: another province.
    await diagnose(api, actors.officer, { visitId: looseVisit });
    const d = String((await diagnose(api, actors.officer, { visitId: visit }))['id']);
    await act(actors.officer, d, 'close', { resolution: 'withdrawn' });
    await diagnose(api, actors.hubeiOfficer, { visitId: hubeiVisit, requestedAmount: '123.45' });
    clock.advance(10 * 86_400_000);
  });

  afterAll(async () => {
    await api.stop();
  });

  async function rows(): Promise<Rows> {
    const q = <T>(sql: string) => api.dataSource.query<T[]>(sql);
    const [calendar] = await q<{ holidays: string[]; workdays: string[] }>(
      `SELECT k.holidays::text[] AS holidays, k.workdays::text[] AS workdays FROM calendars k JOIN sla_policies p ON p.calendar_id = k.id WHERE p.is_default`,
    );
    return {
      visits: await q(
        `SELECT enterprise_id, region_code, campaign_id, visited_on::text AS visited_on, visitor_organization_id FROM visits`,
      ),
      cases: await q(
        `SELECT c.id, c.enterprise_id, c.region_code, c.campaign_id, c.status, c.term, c.bottlenecks, c.intention_amount::text AS intention_amount,
                c.assigned_bank_id, c.created_at, e.chain_role, c.chain_id FROM cases c JOIN enterprises e ON e.id = c.enterprise_id`,
      ),
      loans: await q(
        `SELECT case_id, amount::text AS amount, bank_id, signed_on::text AS signed_on FROM loan_contracts`,
      ),
      claims: await q(
        `SELECT case_id, opened_at, due_at, met_at, cancelled_at FROM case_obligations WHERE obligation = 'claim'`,
      ),
      claimedAt: await q(`SELECT case_id, at FROM case_events WHERE type = 'claimed'`),
      calendar: calendar ?? { holidays: [], workdays: [] },
    };
  }

  it('answers every summary figure as a direct computation over the rows does', async () => {
    const data = await rows();
    const all = await api.request<Figures>('GET', '/api/v1/reports/summary', { token: world.adminToken });
    expect(all.status).toBe(200);
    expect(all.body).toEqual(expected(data, clock.now(), {}));
    expect(all.body).toMatchObject({ signedAmount: '3200000.04', signedCount: 3, visits: 4, needsDiagnosed: 5 });

    const henan = await api.request<Figures>(
      'GET',
      `/api/v1/reports/summary?regionCode=410000&campaignId=${world.provinceCampaignId}`,
      {
        token: world.adminToken,
      },
    );
    expect(henan.body).toEqual(
      expected(data, clock.now(), { region: ['410000', '419999'], campaignId: world.provinceCampaignId }),
    );
    expect(henan.body.longTermShare).toBe('0.7813');
    expect(henan.body.chainLeaderShare).toBe('1.0000');
  });

  it('keeps each reader to their scope: a supervisor their region, a bank manager their bank', async () => {
    const data = await rows();
    const supervisor = await api.request<Figures>('GET', '/api/v1/reports/summary', { token: actors.supervisor });
    expect(supervisor.body).toEqual(expected(data, clock.now(), { region: ['410000', '419999'] }));
    const hubei = await api.request<Figures>('GET', '/api/v1/reports/summary', { token: actors.hubeiSupervisor });
    expect(hubei.body).toEqual(expected(data, clock.now(), { region: ['420000', '429999'] }));
    expect(hubei.body.signedAmount).toBe('0.00');
    const bank = await api.request<Figures>('GET', '/api/v1/reports/summary', { token: actors.leadManager });
    expect(bank.body).toEqual(expected(data, clock.now(), { region: ['410100', '410199'], bank: world.henanBankId }));
    expect(bank.body.signedAmount).toBe('1500000.05');
  });

  it('filters by dates: visits by their day, cases by their diagnosis day, loans by their signing day', async () => {
    const june = await api.request<Figures>('GET', '/api/v1/reports/summary?from=2026-06-01&to=2026-06-30', {
      token: world.adminToken,
    });
    expect(june.body).toMatchObject({ visits: 2, signedCount: 3 });
    const may = await api.request<Figures>('GET', '/api/v1/reports/summary?from=2026-05-01&to=2026-05-31', {
      token: world.adminToken,
    });
    expect(may.body).toMatchObject({ visits: 2, needsDiagnosed: 0, signedAmount: '0.00', longTermShare: null });
    const bad = await api.request('GET', '/api/v1/reports/summary?from=2026-06-30&to=2026-06-01', {
      token: world.adminToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual([expect.objectContaining({ field: 'to' })]);
  });

  it('breaks the figures down per chain, with its lead and deputy bank', async () => {
    const chains = await api.request<(Figures & { chainId: string; leadBankName: string; deputyBankName: string })[]>(
      'GET',
      '/api/v1/reports/chains',
      { token: actors.supervisor },
    );
    const henan = chains.body.find((c) => c.chainId === world.henanChainId);
    expect(henan).toMatchObject({
      leadBankName: '郑州银行',
      deputyBankName: '中原银行',
      signedAmount: '3200000.04',
      visits: 2,
    });
    expect(chains.body.some((c) => c.chainId === world.hubeiChainId)).toBe(false);
  });

  it('breaks the figures down per bank: claims on time, declines, escalations, signed', async () => {
    const banks = await api.request<
      {
        bankId: string;
        claims: number;
        claimsOnTime: number;
        claimOnTimeRate: string | null;
        declines: number;
        signedAmount: string;
      }[]
    >('GET', '/api/v1/reports/banks', { token: actors.supervisor });
    const lead = banks.body.find((b) => b.bankId === world.henanBankId);
    const deputy = banks.body.find((b) => b.bankId === world.henanBank2Id);
    expect(lead).toMatchObject({
      claims: 1,
      claimsOnTime: 1,
      claimOnTimeRate: '1.0000',
      declines: 1,
      signedAmount: '1500000.05',
    });
    expect(deputy).toMatchObject({ claims: 1, declines: 0, signedAmount: '1699999.99' });
    const own = await api.request<{ bankId: string }[]>('GET', '/api/v1/reports/banks', { token: actors.leadManager });
    expect(own.body.map((b) => b.bankId)).toEqual([world.henanBankId]);
  });

  it('answers from the rollups exactly what a scan of the base tables answers, for every reader and filter', async () => {
    const henan = world.provinceCampaignId;
    const readers: Actor[] = [
      { userId: 'admin', role: 'admin', organizationId: null, regionCode: null },
      { userId: 'supervisor', role: 'supervisor', organizationId: world.regulatorId, regionCode: '410000' },
      { userId: 'city', role: 'supervisor', organizationId: world.regulatorId, regionCode: '410100' },
      { userId: 'lead', role: 'bank_manager', organizationId: world.henanBankId, regionCode: '410000' },
      { userId: 'deputy', role: 'bank_manager', organizationId: world.henanBank2Id, regionCode: '410100' },
      { userId: 'deputy-province', role: 'bank_manager', organizationId: world.henanBank2Id, regionCode: '410000' },
    ];
    const queries: ReportQuery[] = [
      {},
      { campaignId: henan },
      { campaignId: world.hubeiCampaignId },
      { regionCode: '410102' },
      { from: '2026-06-01' },
      { to: '2026-05-31' },
      { campaignId: henan, from: '2026-05-21', to: '2026-06-04' },
      { from: '2026-06-05', to: '2026-06-05' },
      // Whole months, edge days around whole months, one day, inside a month, open ends (the month sets).
      { campaignId: henan, from: '2026-05-01', to: '2026-06-30' },
      { campaignId: henan, from: '2026-05-01', to: '2026-05-31' },
      { campaignId: henan, from: '2026-04-30', to: '2026-06-01' },
      { campaignId: henan, from: '2026-05-20', to: '2026-05-20' },
      { campaignId: henan, from: '2026-05-10', to: '2026-05-27' },
      { campaignId: henan, to: '2026-06-04' },
      { campaignId: henan, from: '2026-05-28' },
    ];
    let compared = 0;
    for (const reader of readers) {
      for (const query of queries) {
        await expectAsBaseTables(reader, query, ['summary', 'chains', 'banks']);
        compared += 3;
      }
    }
    expect(compared).toBe(readers.length * queries.length * 3);
  });

  it('reads the rollups, and rebuilds them from the base tables', async () => {
    const service = api.app.get(ReportsService);
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    const before = await service.summary(admin, {});
    expect(before.signedAmount).toBe('3200000.04');
    await api.dataSource.query(
      'TRUNCATE report_day_figures, report_visit_presence, report_loan_presence, report_presence_sets',
    );
    expect(await service.summary(admin, {})).toMatchObject({ visits: 0, enterprisesVisited: 0, signedAmount: '0.00' });
    expect((await api.app.get(ReportRollups).rebuild()).days).toBeGreaterThan(0);
    expect(await service.summary(admin, {})).toEqual(before);
    expect(await service.chains(admin, {})).toEqual(await service.fromBaseTables().chains(admin, {}));
  });

  it('answers an .xlsx workbook on every report and on /cases when asked', async () => {
    for (const url of [
      '/api/v1/reports/summary',
      '/api/v1/reports/chains',
      '/api/v1/reports/banks',
      '/api/v1/cases?limit=200',
    ]) {
      const response = await api.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${world.adminToken}`, accept: XLSX_TYPE },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX_TYPE);
      expect(String(response.headers['content-disposition'])).toMatch(/\.xlsx"$/u);
      const workbook = new Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]?.rowCount).toBeGreaterThan(1);
    }
    const summary = await api.app.inject({
      method: 'GET',
      url: '/api/v1/reports/summary',
      headers: { authorization: `Bearer ${world.adminToken}`, accept: XLSX_TYPE },
    });
    const workbook = new Workbook();
    await workbook.xlsx.load(summary.rawPayload as unknown as ArrayBuffer);
    const rows = (workbook.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows.some((r) => r[1] === 'signedAmount' && r[2] === '3200000.04')).toBe(true);
  });

  it('answers CSV on every report and on /cases when asked', async () => {
    const summary = await api.request('GET', '/api/v1/reports/summary', {
      token: world.adminToken,
      headers: { accept: 'text/csv' },
    });
    expect(summary.headers['content-type']).toMatch(/^text\/csv/u);
    const text = summary.body as unknown as string;
    expect(text.startsWith('\uFEFFfigure,value\r\n')).toBe(true);
    expect(text).toContain('signedAmount,3200000.04\r\n');
    const chains = await api.request('GET', '/api/v1/reports/chains', {
      token: world.adminToken,
      headers: { accept: 'text/csv' },
    });
    expect((chains.body as unknown as string).split('\r\n')[0]).toContain('chainName');
    const banks = await api.request('GET', '/api/v1/reports/banks', {
      token: world.adminToken,
      headers: { accept: 'text/csv' },
    });
    expect(banks.body as unknown as string).toContain('郑州银行');
    const cases = await api.request('GET', '/api/v1/cases?limit=200', {
      token: actors.supervisor,
      headers: { accept: 'text/csv' },
    });
    const lines = (cases.body as unknown as string).trim().split('\r\n');
    expect(lines[0]).toContain('number');
    expect(lines).toHaveLength(1 + 4);
  });

  // Last: it adds a case and moves the clock.
  it('counts a claim deadline that passes after a refresh as missed at the next read', async () => {
    const service = api.app.get(ReportsService);
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    const [visit] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM visits WHERE campaign_id = $1 ORDER BY created_at LIMIT 1`,
      [world.provinceCampaignId],
    );
    await diagnose(api, actors.officer, { visitId: visit?.id ?? '' });
    const before = await service.summary(admin, {});
    expect(before).toEqual(await service.fromBaseTables().summary(admin, {}));
    clock.advance(30 * 86_400_000);
    const after = await service.summary(admin, {});
    expect(after).toEqual(await service.fromBaseTables().summary(admin, {}));
    expect(after.claimsWithinSlaShare).not.toBe(before.claimsWithinSlaShare);
  });

  it('adds later visits to the day bitmaps: distinct enterprises stay exact for any period', async () => {
    const service = api.app.get(ReportsService);
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    await service.summary(admin, {}); // the bitmaps hold the visits so far
    // Before the enterprise's first visit (the bitmap's epoch moves back), between two visits, and again on a day.
    for (const visitedOn of ['2026-02-10', '2026-05-25', '2026-05-25']) {
      await recordVisit(api, actors.officer, {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
        visitedOn,
      });
    }
    const periods = [
      {},
      { from: '2026-02-10', to: '2026-02-10' },
      { from: '2026-02-11', to: '2026-05-19' },
      { from: '2026-05-21', to: '2026-05-27' },
      { to: '2026-02-09' },
      { from: '2026-05-26' },
    ];
    for (const period of periods) {
      const fast = await service.summary(admin, period);
      expect({ period, visited: fast.enterprisesVisited, visits: fast.visits }).toEqual({
        period,
        visited: (await service.fromBaseTables().summary(admin, period)).enterprisesVisited,
        visits: (await service.fromBaseTables().summary(admin, period)).visits,
      });
    }
    expect((await service.summary(admin, { from: '2026-02-10', to: '2026-02-10' })).enterprisesVisited).toBe(1);
    expect((await service.summary(admin, { from: '2026-02-11', to: '2026-05-19' })).enterprisesVisited).toBe(0);
  });

  it('counts an enterprise visited in two regions (it moved) once, and in each region once', async () => {
    const service = api.app.get(ReportsService);
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    const moved = await api.request('PATCH', `/api/v1/enterprises/${world.henanEnterpriseId}`, {
      token: world.adminToken,
      body: { regionCode: '410100' },
    });
    expect(moved.status).toBe(200);
    await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
      visitedOn: '2026-05-26',
    });
    for (const query of [{}, { regionCode: '410100' }, { regionCode: '410102' }, { from: '2026-05-25' }]) {
      const fast = await service.summary(admin, query);
      expect({ query, visited: fast.enterprisesVisited }).toEqual({
        query,
        visited: (await service.fromBaseTables().summary(admin, query)).enterprisesVisited,
      });
    }
    const [rows] = await api.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM report_visit_presence WHERE enterprise_id = $1 AND shared',
      [world.henanEnterpriseId],
    );
    expect(rows?.n).toBe(2);
  });

  it('leaves stale days holding more visits than a reader may recompute to the worker', async () => {
    const rollups = api.app.get(ReportRollups);
    await rollups.refresh();
    await api.dataSource.query(`INSERT INTO report_dirty_days (campaign_id, day) VALUES ($1, '2026-06-01')`, [
      world.provinceCampaignId,
    ]);
    expect(await rollups.refresh({ maxVisits: 0 })).toBeNull();
    expect(await rollups.refresh({ maxDays: 0 })).toBeNull();
    const [left] = await api.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM report_dirty_days');
    expect(left?.n).toBe(1);
    expect(await rollups.refresh({ maxDays: 1, maxVisits: 1000 })).toEqual({ days: 1 });
  });

  it('keeps a day marked stale when it changed after the refresh read it', async () => {
    const rollups = api.app.get(ReportRollups);
    await rollups.refresh();
    // A mark committed by another transaction while a refresh runs is not in the refresh's snapshot,
    // so the refresh leaves it; the next refresh recomputes that day.
    const other = api.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query(`INSERT INTO report_dirty_days (campaign_id, day) VALUES ($1, '2026-06-01')`, [
        world.provinceCampaignId,
      ]);
      const during = rollups.refresh();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await other.commitTransaction();
      await during;
    } finally {
      await other.release();
    }
    const [left] = await api.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM report_dirty_days');
    expect(left?.n).toBe(1);
    expect((await rollups.refresh())?.days).toBe(1);
  });

  it('recomputes the day and month sets of a changed day: distinct enterprises stay exact for every scope', async () => {
    const service = api.app.get(ReportsService);
    const campaignId = world.provinceCampaignId;
    const created = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: {
        uscc: newUscc('410102'),
        name: '新链企业',
        regionCode: '410102',
        size: 'small',
        chainId: world.henanChainId,
        chainRole: 'member',
      },
    });
    expect(created.status).toBe(201);
    // A day that already has sets, a new day at a month's end, and the first day of a month.
    for (const visitedOn of ['2026-05-20', '2026-05-31', '2026-06-01']) {
      await recordVisit(api, actors.officer, { campaignId, enterpriseId: String(created.body['id']), visitedOn });
    }
    await api.app.get(ReportRollups).refresh();
    const readers: Actor[] = [
      { userId: 'admin', role: 'admin', organizationId: null, regionCode: null },
      { userId: 'supervisor', role: 'supervisor', organizationId: world.regulatorId, regionCode: '410000' },
      { userId: 'lead', role: 'bank_manager', organizationId: world.henanBankId, regionCode: '410000' },
      { userId: 'deputy', role: 'bank_manager', organizationId: world.henanBank2Id, regionCode: '410000' },
    ];
    const periods: ReportQuery[] = [
      { campaignId },
      { campaignId, from: '2026-05-20', to: '2026-05-20' },
      { campaignId, from: '2026-05-01', to: '2026-05-31' },
      { campaignId, from: '2026-05-21', to: '2026-06-30' },
      { campaignId, from: '2026-02-01', to: '2026-05-30' },
      { campaignId, from: '2026-05-31' },
      { campaignId, regionCode: '410102', from: '2026-05-15', to: '2026-06-15' },
    ];
    for (const reader of readers) {
      for (const query of periods) {
        await expectAsBaseTables(reader, query, ['summary', 'chains']);
      }
    }
    // The month set is the union of its days: the new enterprise counts once in May.
    const admin: Actor = { userId: 'admin', role: 'admin', organizationId: null, regionCode: null };
    const may = await service.summary(admin, { campaignId, from: '2026-05-01', to: '2026-05-31' });
    const mayDays = await service.summary(admin, { campaignId, from: '2026-05-02', to: '2026-05-31' });
    expect(may.enterprisesVisited).toBe(mayDays.enterprisesVisited);
    const [sets] = await api.dataSource.query<{ months: number; days: number }[]>(
      `SELECT count(*) FILTER (WHERE grain = 'm')::int AS months, count(*) FILTER (WHERE grain = 'd')::int AS days
         FROM report_presence_sets WHERE campaign_id = $1 AND measure = 'v' AND kind = 't'`,
      [campaignId],
    );
    const [visited] = await api.dataSource.query<{ months: number; days: number }[]>(
      `SELECT count(DISTINCT date_trunc('month', visited_on))::int AS months, count(DISTINCT visited_on)::int AS days
         FROM visits WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(sets).toEqual(visited);
    expect(sets?.months).toBeGreaterThanOrEqual(2);
  });
});
