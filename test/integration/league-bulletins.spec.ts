import { inflateSync } from 'node:zlib';
import { ManualClock } from '@unblock/domain';
import { BulletinNotices } from '@unblock/notifications';
import { WriteBulletins } from '@unblock/reports';
import { Workbook } from 'exceljs';
import { BulletinsJob } from '../../apps/worker/src/jobs/bulletins.job';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

type Body = Record<string, unknown>;
interface Row {
  key: string;
  name: string;
  rank: number;
  previousRank: number;
  rankChange: number;
  value: string | null;
  previousValue: string | null;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The day the league ranks (a Wednesday) and the day before. */
const DAY = '2026-06-10';
const BEFORE = '2026-06-09';
const at = (day: string): Date => new Date(`${day}T02:00:00Z`); // 10:00 in Shanghai

/**
 * League tables and the daily bulletin (issue 18) on a fixture of known figures: Zhengzhou and Luoyang, two
 * days, visits, needs, one claimed, approved and signed credit first loan, and the enterprise's word on it.
 */
describe('league tables and bulletins', () => {
  const clock = new ManualClock(at(BEFORE));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let luoyangEnterpriseId: string;
  let supervisor: { token: string; userId: string };
  let hubeiSupervisor: { token: string; userId: string };

  const act = (token: string, id: string, action: string, body: object = {}) =>
    api.request<Body>('POST', `/api/v1/cases/${id}/${action}`, { token, body });

  const league = async (query: string): Promise<Row[]> => {
    const response = await api.request<{ rows: Row[] }>(
      'GET',
      `/api/v1/reports/league?campaignId=${world.provinceCampaignId}&${query}`,
      { token: supervisor.token },
    );
    expect(response.status).toBe(200);
    return response.body.rows;
  };
  const pick = (rows: Row[]): object[] =>
    rows.map((r) => ({
      name: r.name,
      rank: r.rank,
      previousRank: r.previousRank,
      rankChange: r.rankChange,
      value: r.value,
      previousValue: r.previousValue,
    }));

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    await api.request('POST', '/api/v1/regions', {
      token: world.adminToken,
      body: { code: '410300', name: '洛阳市', parentCode: '410000' },
    });
    const luoyang = await api.request<Body>('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: { uscc: newUscc('410300'), name: '洛阳轴承', regionCode: '410300', size: 'medium' },
    });
    luoyangEnterpriseId = String(luoyang.body['id']);
    supervisor = await api.userToken('supervisor', { organizationId: world.regulatorId, regionCode: '410000' });
    hubeiSupervisor = await api.userToken('supervisor', { organizationId: world.regulatorId, regionCode: '420000' });
    const campaignId = world.provinceCampaignId;
    const zhengzhou = { campaignId, enterpriseId: world.henanEnterpriseId };

    // The day before: two visits in Zhengzhou, one need (routed to the lead bank, not yet claimed).
    const a = await recordVisit(api, actors.officer, { ...zhengzhou, visitedOn: BEFORE, clientRef: 'a1' });
    await recordVisit(api, actors.officer, { ...zhengzhou, visitedOn: BEFORE, clientRef: 'a2' });
    const caseA = String((await diagnose(api, actors.officer, { visitId: a }))['id']);

    // The day: two visits in Zhengzhou (one by the lead bank), two in Luoyang; a need in Zhengzhou
    // claimed on time, approved and signed (a credit first loan), two needs in Luoyang left unrouted.
    clock.set(at(DAY));
    const b = await recordVisit(api, actors.officer, { ...zhengzhou, visitedOn: DAY, clientRef: 'b1' });
    // A bank manager records visits of a gm_visits campaign only: this one is counted as the lead bank's.
    const byBank = await recordVisit(api, actors.officer, { ...zhengzhou, visitedOn: DAY, clientRef: 'b2' });
    await api.dataSource.query(`UPDATE visits SET visitor_organization_id = $2 WHERE id = $1`, [
      byBank,
      world.henanBankId,
    ]);
    const luoyangOfficer = (
      await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410300' })
    ).token;
    for (const ref of ['c1', 'c2']) {
      const visit = await recordVisit(api, luoyangOfficer, {
        campaignId,
        enterpriseId: luoyangEnterpriseId,
        visitedOn: DAY,
        clientRef: ref,
      });
      await diagnose(api, luoyangOfficer, { visitId: visit, route: false });
    }
    const caseB = String((await diagnose(api, actors.officer, { visitId: b }))['id']);
    expect((await act(actors.leadManager, caseB, 'claim')).status).toBe(200);
    expect((await act(actors.leadManager, caseB, 'milestones', { type: 'contacted' })).status).toBe(200);
    expect((await act(actors.leadManager, caseB, 'approve')).status).toBe(200);
    const signed = await act(actors.leadManager, caseB, 'loans', {
      contracts: [
        {
          amount: '100000.00',
          annualRatePct: '3.6',
          termMonths: 12,
          signedOn: DAY,
          contractNo: 'L-1',
          firstLoan: true,
          security: 'credit',
        },
      ],
    });
    expect(signed.status).toBe(200);
    // The enterprise's word on it: contact confirmed, rated 4.
    const link = await api.request<Body>('POST', `/api/v1/enterprises/${world.henanEnterpriseId}/links`, {
      token: actors.officer,
      body: {},
    });
    const [linkRow] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM enterprise_links WHERE enterprise_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [world.henanEnterpriseId],
    );
    expect(link.status).toBe(201);
    await api.dataSource.query(
      `INSERT INTO feedback (case_id, link_id, contact_confirmed, contact_answered_at, score, rated_at)
       VALUES ($1, $2, true, now(), 4, now())`,
      [caseB, linkRow?.id],
    );
    // A case's day is its creation's, which the database stamps: set to the days of the fixture.
    await api.dataSource.query(
      `UPDATE cases SET created_at = CASE WHEN id = $1 THEN $2::timestamptz ELSE $3::timestamptz END`,
      [caseA, at(BEFORE), at(DAY)],
    );
  });

  afterAll(async () => {
    await api.stop();
  });

  it('ranks the child regions on each indicator, with the change since the day before', async () => {
    // Visits: tied at 2 (ranked by name), from Zhengzhou 2 and Luoyang 0 the day before.
    expect(pick(await league(`by=region&indicator=visits&period=day&on=${DAY}`))).toEqual([
      { name: '洛阳市', rank: 1, previousRank: 2, rankChange: 1, value: '2', previousValue: '0' },
      { name: '郑州市', rank: 1, previousRank: 1, rankChange: 0, value: '2', previousValue: '2' },
    ]);
    expect(pick(await league(`by=region&indicator=needs&period=day&on=${DAY}`))).toEqual([
      { name: '洛阳市', rank: 1, previousRank: 2, rankChange: 1, value: '2', previousValue: '0' },
      { name: '郑州市', rank: 2, previousRank: 1, rankChange: -1, value: '1', previousValue: '1' },
    ]);
    const values = async (indicator: string): Promise<(string | null)[]> =>
      (await league(`by=region&indicator=${indicator}&period=day&on=${DAY}`)).map(
        (r) => `${r.name}:${r.rank}:${r.value}`,
      );
    expect(await values('signed_amount')).toEqual(['郑州市:1:100000.00', '洛阳市:2:0.00']);
    expect(await values('first_loans')).toEqual(['郑州市:1:1', '洛阳市:2:0']);
    expect(await values('credit_loan_share')).toEqual(['郑州市:1:1.0000', '洛阳市:2:null']);
    expect(await values('claims_on_time')).toEqual(['郑州市:1:1.0000', '洛阳市:2:null']);
    expect(await values('credited_rate')).toEqual(['郑州市:1:1.0000', '洛阳市:2:0.0000']);
    expect(await values('confirmation_rate')).toEqual(['郑州市:1:1.0000', '洛阳市:2:null']);
    expect(await values('satisfaction')).toEqual(['郑州市:1:4.00', '洛阳市:2:null']);
  });

  it('ranks the banks, over a week and a month too', async () => {
    const banks = async (indicator: string, period = 'day'): Promise<string[]> =>
      (await league(`by=bank&indicator=${indicator}&period=${period}&on=${DAY}`)).map(
        (r) => `${r.name}:${r.rank}:${r.value}:${r.rankChange}`,
      );
    expect(await banks('visits')).toEqual(['郑州银行:1:1:0', '汉口银行:2:0:-1', '中原银行:2:0:-1']);
    expect(await banks('signed_amount')).toEqual([
      '郑州银行:1:100000.00:0',
      '汉口银行:2:0.00:-1',
      '中原银行:2:0.00:-1',
    ]);
    expect(await banks('claims_on_time')).toEqual(['郑州银行:1:1.0000:0', '汉口银行:2:null:-1', '中原银行:2:null:-1']);
    // Each indicator reads only its part of the bank report: the loans' outcomes, the enterprises' word.
    const values = async (indicator: string): Promise<string[]> =>
      (await banks(indicator)).map((row) => row.split(':').slice(0, 3).join(':'));
    expect(await values('first_loans')).toEqual(['郑州银行:1:1', '汉口银行:2:0', '中原银行:2:0']);
    expect(await values('credit_loan_share')).toEqual(['郑州银行:1:1.0000', '汉口银行:2:null', '中原银行:2:null']);
    expect(await values('confirmation_rate')).toEqual(['郑州银行:1:1.0000', '汉口银行:2:null', '中原银行:2:null']);
    expect(await values('satisfaction')).toEqual(['郑州银行:1:4.00', '汉口银行:2:null', '中原银行:2:null']);
    // The week of the 10th (8th–14th) holds both days; the week before, nothing.
    const week = await api.request<Body>(
      'GET',
      `/api/v1/reports/league?by=region&indicator=visits&period=week&on=${DAY}&campaignId=${world.provinceCampaignId}`,
      { token: supervisor.token },
    );
    expect(week.body).toMatchObject({
      from: '2026-06-08',
      to: '2026-06-14',
      previousFrom: '2026-06-01',
      previousTo: '2026-06-07',
    });
    expect(pick((week.body as unknown as { rows: Row[] }).rows).map((r) => Object.values(r).join(':'))).toEqual([
      '郑州市:1:1:0:4:0',
      '洛阳市:2:1:-1:2:0',
    ]);
    const month = await api.request<Body>(
      'GET',
      `/api/v1/reports/league?by=region&indicator=visits&period=month&on=${DAY}`,
      { token: supervisor.token },
    );
    expect(month.body).toMatchObject({
      from: '2026-06-01',
      to: '2026-06-30',
      previousFrom: '2026-05-01',
      previousTo: '2026-05-31',
    });
  });

  it('answers CSV and XLSX, and a 400 naming the field for a bad enum or date', async () => {
    const url = `/api/v1/reports/league?by=region&indicator=signed_amount&period=day&on=${DAY}&campaignId=${world.provinceCampaignId}`;
    const csv = await api.request<string>('GET', url, { token: supervisor.token, headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('名次,名称,数值,万元,上期名次,名次变化,上期数值');
    expect(csv.body).toContain('1,郑州市,100000.00,10,1,—,0.00');
    const xlsx = await api.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${supervisor.token}`, accept: XLSX_TYPE },
    });
    const book = new Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).values).toEqual([undefined, 1, '郑州市', '100000.00', '10', 1, '—', '0.00']);
    for (const [query, field] of [
      ['by=chain&indicator=visits&period=day&on=2026-06-10', 'by'],
      ['by=region&indicator=loans&period=day&on=2026-06-10', 'indicator'],
      ['by=region&indicator=visits&period=year&on=2026-06-10', 'period'],
      ['by=region&indicator=visits&period=day&on=2026-02-30', 'on'],
      ['by=region&indicator=visits&period=day', 'on'],
    ] as const) {
      const response = await api.request<Body>('GET', `/api/v1/reports/league?${query}`, { token: supervisor.token });
      expect({ query, status: response.status, errors: response.body['errors'] }).toEqual({
        query,
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field })]) as unknown,
      });
    }
  });

  it('writes one bulletin per supervisor region each morning, announced in its supervisors’ inboxes; a rerun writes nothing', async () => {
    const update = await api.request<Body>('PATCH', `/api/v1/campaigns/${world.provinceCampaignId}`, {
      token: world.adminToken,
      body: { laggardThresholds: { claimsOnTime: '0.80', creditedRate: '0.50' } },
    });
    expect(update.status).toBe(200);
    expect(update.body['laggardThresholds']).toEqual({ claimsOnTime: '0.80', creditedRate: '0.50' });
    const bad = await api.request<Body>('PATCH', `/api/v1/campaigns/${world.provinceCampaignId}`, {
      token: world.adminToken,
      body: { laggardThresholds: { claimsOnTime: '1.5' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual([expect.objectContaining({ field: 'laggardThresholds.claimsOnTime' })]);

    clock.set(new Date('2026-06-10T23:30:00Z')); // 07:30 on the 11th in Shanghai: the bulletin of the 10th
    const job = new BulletinsJob(api.app.get(WriteBulletins), api.app.get(BulletinNotices));
    const first = await job.handle();
    const regions = await api.dataSource.query<{ region_code: string; n: number }[]>(
      `SELECT region_code, count(*)::int AS n FROM users WHERE role = 'supervisor' AND active AND region_code IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
    );
    const supervisors = regions.reduce((sum, r) => sum + r.n, 0);
    const bulletins = await api.dataSource.query<{ id: string; region_code: string; day: string }[]>(
      `SELECT id, region_code, day::text AS day FROM bulletins ORDER BY region_code`,
    );
    expect(first).toEqual({ done: `wrote ${regions.length} bulletins of ${DAY}, ${supervisors} notices` });
    expect(bulletins.map((b) => [b.region_code, b.day])).toEqual(regions.map((r) => [r.region_code, DAY]));
    expect(await job.handle()).toEqual({ skipped: `the bulletins of ${DAY} are written` });
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM bulletins`)).toEqual([{ n: regions.length }]);
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'bulletin'`)).toEqual([
      { n: supervisors },
    ]);

    const henan = bulletins.find((b) => b.region_code === '410000');
    const inbox = await api.request<{ items: Body[] }>('GET', '/api/v1/me/notifications', { token: supervisor.token });
    const notices = inbox.body.items.filter((n) => n['kind'] === 'bulletin');
    expect(notices).toEqual([
      expect.objectContaining({
        title: '日通报（6月10日）已发布',
        data: expect.objectContaining({ bulletinId: henan?.id }) as unknown,
      }),
    ]);

    const detail = await api.request<Body>('GET', `/api/v1/bulletins/${henan?.id}`, { token: supervisor.token });
    expect(detail.status).toBe(200);
    const content = detail.body['content'] as Body;
    expect(content['regionName']).toBe('河南省');
    const regionLeagues = content['regionLeagues'] as { indicator: string; rows: Row[] }[];
    expect(regionLeagues.map((t) => t.indicator)).toEqual([
      'visits',
      'needs',
      'claims_on_time',
      'credited_rate',
      'signed_amount',
    ]);
    expect(regionLeagues[4]?.rows.map((r) => [r.name, r.rank, r.value])).toEqual([
      ['郑州市', 1, '100000.00'],
      ['洛阳市', 2, '0.00'],
    ]);
    // Luoyang credited none of its needs (under 0.50) and is last on signed amount; the case routed the day
    // before is not overdue yet.
    expect(content['laggards']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          by: 'region',
          name: '洛阳市',
          indicator: 'credited_rate',
          reason: 'under_threshold',
          threshold: '0.50',
        }),
        expect.objectContaining({ by: 'region', name: '洛阳市', indicator: 'signed_amount', reason: 'bottom' }),
      ]),
    );
    expect(content['cases']).toEqual({ overdue: 0, escalated: 0, cases: [] });

    const list = await api.request<{ items: Body[] }>('GET', '/api/v1/bulletins', { token: supervisor.token });
    expect(list.body.items.map((b) => b['regionCode'])).toEqual(['410000']);
    // Another province's supervisor sees neither.
    const other = await api.request('GET', `/api/v1/bulletins/${henan?.id}`, { token: hubeiSupervisor.token });
    expect(other.status).toBe(404);
    const otherList = await api.request<{ items: Body[] }>('GET', '/api/v1/bulletins', {
      token: hubeiSupervisor.token,
    });
    expect(otherList.body.items.map((b) => b['regionCode'])).toEqual(['420000']);
  });

  it('downloads a bulletin as XLSX holding its figures, and as a PDF set in Chinese', async () => {
    const [henan] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM bulletins WHERE region_code = '410000'`,
    );
    const get = (accept: string, language = 'zh-CN') =>
      api.app.inject({
        method: 'GET',
        url: `/api/v1/bulletins/${henan?.id}`,
        headers: { authorization: `Bearer ${supervisor.token}`, accept, 'accept-language': language },
      });
    const xlsx = await get(XLSX_TYPE);
    expect(xlsx.statusCode).toBe(200);
    const book = new Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]?.slice(0, 7)).toEqual(['部分', '指标', '名次', '名称', '数值', '万元', '名次变化']);
    expect(rows).toContainEqual(expect.arrayContaining(['地区排名', '签约金额（元）', 1, '郑州市', '100000.00', '10']));
    expect(rows).toContainEqual(expect.arrayContaining(['银行排名', '按时认领率', 1, '郑州银行', '100.00%']));

    const pdf = await get('application/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The title's characters are in the embedded font's ToUnicode map: 日 (65E5), 通 (901A), 报 (62A5).
    expect(unicodeOf(bytes)).toEqual(expect.arrayContaining(['65e5', '901a', '62a5', '6cb3', '5357']));
  });
});

/** The code points the PDF's ToUnicode maps give its glyphs (every deflated stream, read as text). */
function unicodeOf(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const found = new Set<string>();
  const streams = /stream\r?\n/gu;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      const inflated = inflateSync(pdf.subarray(start, end)).toString('latin1');
      for (const hex of inflated.matchAll(/<([0-9a-f]{4})>/giu)) found.add((hex[1] ?? '').toLowerCase());
    } catch {
      // not a deflated stream
    }
  }
  return [...found];
}
