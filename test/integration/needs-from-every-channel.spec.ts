import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { ImportRunner, XLSX_MEDIA_TYPE } from '@unblock/imports';
import { Workbook } from 'exceljs';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { importsContext, multipart } from '../support/imports-context';
import { TestApi } from '../support/test-api';

interface ImportBody {
  id: string;
  status: string;
  format: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  errors: { row: number; field: string; reason: string }[];
}

const NEED = {
  requestedAmount: '8000000.00',
  purpose: 'working_capital',
  term: 'short',
  bottlenecks: ['collateral_shortage'],
};

describe('needs from every channel (POST /cases with source, POST /imports/needs, needs in the summary)', () => {
  const clock = new ManualClock(new Date('2026-06-02T02:00:00Z'));
  let api: TestApi;
  let context: INestApplicationContext;
  let runner: ImportRunner;
  let world: World;
  let actors: Actors;
  let henanUscc: string;

  const casesCount = async (): Promise<number> =>
    Number((await api.dataSource.query<{ n: string }[]>('SELECT count(*)::text AS n FROM cases'))[0]?.n);
  const post = (token: string, body: object): Promise<{ status: number; body: Record<string, unknown> }> =>
    api.request<Record<string, unknown>>('POST', '/api/v1/cases', { token, body });
  const upload = async (
    token: string,
    body: { payload: Buffer | string; headers: Record<string, string> },
    query = '',
  ): Promise<{ status: number; body: ImportBody & Record<string, unknown> }> => {
    const response = await api.app.inject({
      method: 'POST',
      url: `/api/v1/imports/needs${query}`,
      headers: { authorization: `Bearer ${token}`, ...body.headers },
      payload: body.payload,
    });
    return { status: response.statusCode, body: JSON.parse(response.body) as ImportBody & Record<string, unknown> };
  };
  const run = async (id: string, token: string): Promise<ImportBody> => {
    expect(await runner.run(id, 1)).toEqual({ done: expect.any(String) as string });
    return (await api.request<ImportBody>('GET', `/api/v1/imports/${id}`, { token })).body;
  };

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    context = await importsContext(api, clock);
    runner = context.get(ImportRunner);
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    const [row] = await api.dataSource.query<{ uscc: string }[]>('SELECT uscc FROM enterprises WHERE id = $1', [
      world.henanEnterpriseId,
    ]);
    henanUscc = String(row?.uscc);
  });

  afterAll(async () => {
    await context.close();
    await api.stop();
  });

  it.each(['phone', 'list'] as const)(
    'a need by %s is a case without a visit: numbered, routed, its channel on the case and its timeline',
    async (source) => {
      const created = await post(actors.officer, {
        source,
        enterpriseId: world.henanEnterpriseId,
        campaignId: world.provinceCampaignId,
        ...NEED,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        source,
        originVisitId: null,
        enterpriseId: world.henanEnterpriseId,
        campaignId: world.provinceCampaignId,
        status: 'assigned',
        routingTier: 1,
        assignedBankId: world.henanBankId,
      });
      expect(String(created.body['number'])).toMatch(/^C-2026-\d{6}$/u);
      const detail = await api.request('GET', `/api/v1/cases/${String(created.body['id'])}`, {
        token: actors.officer,
      });
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ source, visit: null, originVisitId: null });
      const timeline = detail.body['timeline'] as { type: string; data: Record<string, unknown> }[];
      expect(timeline[0]).toMatchObject({ type: 'diagnosed', data: { source, visitId: null } });
      expect(timeline.map((e) => e.type)).toEqual(['diagnosed', 'routed']);
    },
  );

  it('a need from a visit needs no source (it defaults to visit), as existing clients send it', async () => {
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const created = await diagnose(api, actors.officer, { visitId });
    expect(created).toMatchObject({ source: 'visit', originVisitId: visitId });
    const explicit = await post(actors.officer, { source: 'visit', visitId, ...NEED });
    expect(explicit.status).toBe(201);
    expect(explicit.body).toMatchObject({ source: 'visit', originVisitId: visitId });
  });

  it('refuses bad combinations with a 400 naming the field, and writes nothing', async () => {
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const where = { enterpriseId: world.henanEnterpriseId, campaignId: world.provinceCampaignId };
    const before = await casesCount();
    for (const [body, field] of [
      [{ source: 'enterprise', ...where, ...NEED }, 'source'],
      [{ source: 'fax', ...where, ...NEED }, 'source'],
      [{ ...where, ...NEED }, 'source'],
      [{ source: 'visit', ...NEED }, 'visitId'],
      [{ source: 'visit', visitId, enterpriseId: world.henanEnterpriseId, ...NEED }, 'enterpriseId'],
      [{ source: 'phone', visitId, ...where, ...NEED }, 'visitId'],
      [{ source: 'phone', campaignId: world.provinceCampaignId, ...NEED }, 'enterpriseId'],
      [{ source: 'list', enterpriseId: world.henanEnterpriseId, ...NEED }, 'campaignId'],
      [{ source: 'phone', ...where, enterpriseId: 'not-a-uuid', ...NEED }, 'enterpriseId'],
      [{ source: 'phone', ...where, ...NEED, requestedAmount: '-1' }, 'requestedAmount'],
    ] as const) {
      const answer = await post(actors.officer, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      const errors = answer.body['errors'] as { field: string }[];
      expect(errors.map((e) => e.field)).toContain(field);
    }
    expect(await casesCount()).toBe(before);
  });

  it('keeps phone and list needs to the caller’s region: enterprise and campaign in scope, staff of the field only', async () => {
    const before = await casesCount();
    const outOfRegion = await post(actors.hubeiOfficer, {
      source: 'phone',
      enterpriseId: world.henanEnterpriseId,
      campaignId: world.provinceCampaignId,
      ...NEED,
    });
    expect(outOfRegion.status).toBe(400);
    expect(outOfRegion.body['errors']).toEqual([expect.objectContaining({ field: 'enterpriseId' })]);
    const foreignCampaign = await post(actors.officer, {
      source: 'list',
      enterpriseId: world.henanEnterpriseId,
      campaignId: world.hubeiCampaignId,
      ...NEED,
    });
    expect(foreignCampaign.status).toBe(400);
    expect(foreignCampaign.body['errors']).toEqual([expect.objectContaining({ field: 'campaignId' })]);
    const byBank = await post(actors.leadManager, {
      source: 'phone',
      enterpriseId: world.henanEnterpriseId,
      campaignId: world.provinceCampaignId,
      ...NEED,
    });
    expect(byBank.status).toBe(403);
    const bySupervisor = await post(actors.supervisor, {
      source: 'phone',
      enterpriseId: world.henanEnterpriseId,
      campaignId: world.provinceCampaignId,
      ...NEED,
    });
    expect(bySupervisor.status).toBe(403);
    expect(await casesCount()).toBe(before);
  });

  it('imports a 申报清单 (CSV, Chinese headers): by USCC and by name, "800万", row errors by row and column; a re-sent file adds nothing', async () => {
    const csv = [
      '统一社会信用代码,企业名称,专项行动,融资需求金额,资金用途,贷款期限,融资堵点,备注,来源',
      `${henanUscc},,河南诊断疏通,800万,流动资金,短期,抵押物不足；审批慢,清单第一行,`,
      `,郑州重工,河南诊断疏通,1200000,equipment_upgrade,中长期,,,电话`,
      `,不存在的企业,河南诊断疏通,100万,流动资金,短期,,,`,
      `${henanUscc},,河南诊断疏通,八百万,流动资金,短期,,,`,
      `${henanUscc},,河南诊断疏通,100万,买房,短期,,,`,
      `${henanUscc},,没有这个行动,100万,流动资金,短期,,,`,
      `${henanUscc},,河南诊断疏通,100万,流动资金,短期,,,走访`,
    ].join('\n');
    const before = await casesCount();
    const first = await upload(actors.supervisor, multipart(csv, '申报清单.csv'));
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ kind: 'needs', status: 'queued', format: 'csv' });
    const done = await run(first.body.id, actors.supervisor);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 7, rowsAccepted: 2, rowsRejected: 5 });
    expect(done.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'enterpriseName'],
      [5, 'requestedAmount'],
      [6, 'purpose'],
      [7, 'campaign'],
      [8, 'source'],
    ]);
    expect(await casesCount()).toBe(before + 2);
    const imported = await api.dataSource.query<
      { source: string; requested_amount: string; bottlenecks: string[]; status: string; origin_visit_id: null }[]
    >(
      `SELECT source, requested_amount::text, bottlenecks, status, origin_visit_id FROM cases
        WHERE intake_key IS NOT NULL ORDER BY requested_amount DESC`,
    );
    expect(imported).toEqual([
      {
        source: 'list',
        requested_amount: '8000000.00',
        bottlenecks: ['collateral_shortage', 'slow_approval'],
        status: 'assigned',
        origin_visit_id: null,
      },
      {
        source: 'phone',
        requested_amount: '1200000.00',
        bottlenecks: ['other'],
        status: 'assigned',
        origin_visit_id: null,
      },
    ]);

    const again = await upload(actors.supervisor, multipart(csv, '申报清单.csv'));
    expect(await run(again.body.id, actors.supervisor)).toMatchObject({ rowsAccepted: 2, rowsRejected: 5 });
    expect(await casesCount()).toBe(before + 2);
  });

  it('imports a 申报清单 workbook (.xlsx) with the campaign named once for the file (campaignId)', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('申报清单');
    sheet.addRow(['企业名称', '融资需求金额', '资金用途', '贷款期限']);
    sheet.addRow(['郑州重工', '350万', '技术研发', '中长期']);
    sheet.addRow(['武汉光谷', '350万', '技术研发', '中长期']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await casesCount();
    const answer = await upload(
      actors.supervisor,
      { payload: file, headers: { 'content-type': XLSX_MEDIA_TYPE, 'x-filename': 'needs.xlsx' } },
      `?campaignId=${world.provinceCampaignId}`,
    );
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ format: 'xlsx', campaignId: world.provinceCampaignId });
    const done = await run(answer.body.id, actors.supervisor);
    // 武汉光谷 is in Hubei: out of a Henan supervisor's region.
    expect(done).toMatchObject({ status: 'completed', rowsAccepted: 1, rowsRejected: 1 });
    expect(done.errors).toEqual([expect.objectContaining({ row: 3, field: 'enterpriseName' })]);
    expect(await casesCount()).toBe(before + 1);
    const [row] = await api.dataSource.query<{ technology: string }[]>(
      `SELECT count(*)::text AS technology FROM cases WHERE purpose = 'technology_rd' AND source = 'list'`,
    );
    expect(row?.technology).toBe('1');
  });

  it('refuses an upload of needs with a bad header, a campaign out of reach, or from a field officer', async () => {
    const bad = await upload(actors.supervisor, multipart('企业名称,金额\n郑州重工,100万\n', 'bad.csv'));
    expect(bad.status).toBe(400);
    const fields = (bad.body['errors'] as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['header.金额', 'header.requestedAmount']));
    const foreign = await upload(
      actors.supervisor,
      multipart('企业名称,融资需求金额,资金用途,贷款期限\n郑州重工,100万,流动资金,短期\n', 'x.csv'),
      `?campaignId=${world.hubeiCampaignId}`,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body['errors']).toEqual([expect.objectContaining({ field: 'campaignId' })]);
    const officer = await upload(
      actors.officer,
      multipart('企业名称,融资需求金额,资金用途,贷款期限\n郑州重工,100万,流动资金,短期\n', 'x.csv'),
    );
    expect(officer.status).toBe(403);
  });

  it('counts needs by source and the enterprises with a need (distinct) in the summary, from the rollups', async () => {
    const [bySource] = await api.dataSource.query<Record<string, string>[]>(
      `SELECT count(*) FILTER (WHERE source = 'visit')::text AS visit, count(*) FILTER (WHERE source = 'phone')::text AS phone,
              count(*) FILTER (WHERE source = 'list')::text AS list, count(DISTINCT enterprise_id)::text AS enterprises
         FROM cases WHERE campaign_id = $1`,
      [world.provinceCampaignId],
    );
    const admin = await api.userToken('admin');
    const summary = await api.request('GET', `/api/v1/reports/summary?campaignId=${world.provinceCampaignId}`, {
      token: admin.token,
    });
    expect(summary.status).toBe(200);
    expect(summary.body['needsBySource']).toEqual({
      visit: Number(bySource?.['visit']),
      phone: Number(bySource?.['phone']),
      list: Number(bySource?.['list']),
      enterprise: 0,
    });
    expect(Number(bySource?.['phone'])).toBeGreaterThanOrEqual(2);
    expect(Number(bySource?.['list'])).toBeGreaterThanOrEqual(3);
    expect(summary.body['enterprisesWithNeed']).toBe(Number(bySource?.['enterprises']));
    expect(summary.body['enterprisesWithNeed']).toBe(1);
    // The same figures over a period holding every case day (the day sets), and within a region (the bitmaps).
    const [days] = await api.dataSource.query<{ first: string; last: string }[]>(
      `SELECT min((created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS first,
              max((created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS last FROM cases`,
    );
    for (const query of [
      `from=${String(days?.first)}&to=${String(days?.last)}`,
      'regionCode=410100',
      `regionCode=410100&from=${String(days?.first)}`,
    ]) {
      const narrowed = await api.request(
        'GET',
        `/api/v1/reports/summary?campaignId=${world.provinceCampaignId}&${query}`,
        { token: actors.supervisor },
      );
      expect({ query, body: narrowed.body }).toMatchObject({
        query,
        body: { needsBySource: summary.body['needsBySource'] as object, enterprisesWithNeed: 1 },
      });
    }
    const hubei = await api.request('GET', `/api/v1/reports/summary?campaignId=${world.provinceCampaignId}`, {
      token: actors.hubeiSupervisor,
    });
    expect(hubei.body).toMatchObject({
      needsBySource: { visit: 0, phone: 0, list: 0, enterprise: 0 },
      enterprisesWithNeed: 0,
    });
  });
});
