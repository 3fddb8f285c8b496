import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { ImportRunner, XLSX_MEDIA_TYPE } from '@unblock/imports';
import { Workbook } from 'exceljs';
import { buildActors, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { importsContext } from '../support/imports-context';
import { TestApi } from '../support/test-api';

type Body = Record<string, unknown>;

interface ImportBody {
  id: string;
  status: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  errors: { row: number; field: string; reason: string }[];
}

const HEADER = ['统一社会信用代码', '月份', '贷款余额(元)', '其中中长期贷款余额(元)'];

/** Banks report monthly loan balances (API and import); a correction keeps its history; scope and bad input. */
describe('loan balances (POST /loan-balances, POST /imports/loan-balances, GET /loan-balances)', () => {
  const clock = new ManualClock(new Date('2026-06-20T02:00:00Z'));
  let api: TestApi;
  let context: INestApplicationContext;
  let runner: ImportRunner;
  let world: World;
  let actors: Actors;
  let henanUscc: string;

  const post = (token: string, body: object) => api.request<Body>('POST', '/api/v1/loan-balances', { token, body });
  const upload = async (token: string, payload: Buffer | string, contentType: string): Promise<ImportBody> => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/imports/loan-balances',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(202);
    const id = (JSON.parse(response.body) as ImportBody).id;
    expect(await runner.run(id, 1)).toEqual({ done: expect.any(String) as string });
    return (await api.request<ImportBody>('GET', `/api/v1/imports/${id}`, { token })).body;
  };
  const balances = () => api.counts(['loan_balances', 'loan_balance_revisions']);
  /**
   * The rollup rows that differ from the balances summed afresh from the base tables, at every depth of the
   * region (province, city, own code), per bank, chain and dimension; rows that sum to nothing are left out.
   */
  const rollupDrift = () =>
    api.dataSource.query<Body[]>(
      `WITH expected AS (
         SELECT b.month, d.digits AS region_digits, rpad(left(e.region_code, d.digits), 6, '0') AS region_code,
                b.bank_id, e.chain_id, k.dimension, k.value,
                sum(b.balance) AS balance, sum(b.medium_long_balance) AS medium_long_balance
           FROM loan_balances b JOIN enterprises e ON e.id = b.enterprise_id
          CROSS JOIN LATERAL (SELECT 'role', e.chain_role::text UNION ALL SELECT 'size', e.size::text
                              UNION ALL SELECT 'tag', t FROM unnest(e.tags) AS t) AS k(dimension, value)
          CROSS JOIN (VALUES (2), (4), (6)) AS d(digits)
          GROUP BY 1, 2, 3, 4, 5, 6, 7),
       actual AS (
         SELECT month, region_digits, region_code::text, bank_id, chain_id, dimension::text, value::text,
                balance, medium_long_balance
           FROM report_balance_months WHERE balance <> 0 OR medium_long_balance <> 0)
       (SELECT 'missing' AS drift, * FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) AS m)
       UNION ALL
       (SELECT 'extra' AS drift, * FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) AS x)`,
    );

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

  it('a report is 201; a second report of the month is a correction (200, revision 2) that keeps the first', async () => {
    const first = await post(actors.leadManager, {
      enterpriseId: world.henanEnterpriseId,
      month: '2026-03',
      balance: '5000000',
      mediumLongBalance: '2000000.5',
      note: '首次报送',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      bankId: world.henanBankId,
      enterpriseId: world.henanEnterpriseId,
      month: '2026-03',
      balance: '5000000.00',
      mediumLongBalance: '2000000.50',
      revision: 1,
    });
    const corrected = await post(actors.leadManager2, {
      uscc: henanUscc,
      month: '2026-03',
      balance: '5200000.00',
      mediumLongBalance: '2100000.00',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ id: first.body['id'], balance: '5200000.00', revision: 2 });
    const read = await api.request<Body>('GET', `/api/v1/loan-balances/${String(first.body['id'])}`, {
      token: actors.supervisor,
    });
    expect(read.status).toBe(200);
    expect(read.body['revisions']).toEqual([
      expect.objectContaining({ revision: 1, balance: '5000000.00', previousBalance: null, note: '首次报送' }),
      expect.objectContaining({
        revision: 2,
        balance: '5200000.00',
        mediumLongBalance: '2100000.00',
        previousBalance: '5000000.00',
        previousMediumLongBalance: '2000000.50',
      }),
    ]);
    // The report reads the corrected figures, not their sum.
    const report = await api.request<{ total: Body }>('GET', '/api/v1/reports/balances?asOf=2026-03&groupBy=bank', {
      token: actors.supervisor,
    });
    expect(report.body.total).toMatchObject({ balance: '5200000.00', mediumLongBalance: '2100000.00' });
  });

  it('bad input is a 400 naming the field, and writes nothing', async () => {
    const good = {
      enterpriseId: world.henanEnterpriseId,
      month: '2026-04',
      balance: '100.00',
      mediumLongBalance: '50.00',
    };
    const cases: [object, string][] = [
      [{ ...good, month: '2026-13' }, 'month'],
      [{ ...good, month: '2026-4' }, 'month'],
      [{ ...good, month: '2026-07' }, 'month'], // the future
      [{ ...good, balance: 100 }, 'balance'],
      [{ ...good, balance: '-1.00' }, 'balance'],
      [{ ...good, balance: '1.001' }, 'balance'],
      [{ ...good, mediumLongBalance: '100.01' }, 'mediumLongBalance'],
      [{ ...good, enterpriseId: 'nope' }, 'enterpriseId'],
      [{ ...good, enterpriseId: '00000000-0000-4000-8000-000000000000' }, 'enterpriseId'],
      [{ month: '2026-04', balance: '1.00', mediumLongBalance: '0' }, 'enterpriseId'],
      [{ ...good, uscc: henanUscc }, 'enterpriseId'],
      [{ ...good, enterpriseId: undefined, uscc: '123' }, 'uscc'],
      [{ ...good, note: 'x'.repeat(2001) }, 'note'],
    ];
    for (const [body, field] of cases) {
      const before = await balances();
      const answer = await post(actors.leadManager, body);
      expect({ field, status: answer.status }).toEqual({ field, status: 400 });
      expect(answer.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await balances()).toEqual(before);
    }
    const admin = (await api.userToken('admin')).token;
    expect((await post(admin, good)).body['errors']).toEqual([expect.objectContaining({ field: 'bankId' })]);
    expect((await post(admin, { ...good, bankId: world.regulatorId })).status).toBe(400);
    const list = await api.request('GET', '/api/v1/loan-balances?month=2026', { token: actors.supervisor });
    expect(list.status).toBe(400);
    const report = await api.request('GET', '/api/v1/reports/balances?asOf=2026-06&groupBy=colour', {
      token: actors.supervisor,
    });
    expect(report.body['errors']).toEqual([expect.objectContaining({ field: 'groupBy' })]);
  });

  it('a bank reports for itself only; each reads its own bank’s, supervisors their region’s', async () => {
    const before = await balances();
    const other = await post(actors.leadManager, {
      bankId: world.hubeiBankId,
      enterpriseId: world.henanEnterpriseId,
      month: '2026-04',
      balance: '1.00',
      mediumLongBalance: '0',
    });
    expect(other.status).toBe(403);
    expect(await balances()).toEqual(before);
    expect(
      (
        await post(actors.officer, {
          enterpriseId: world.henanEnterpriseId,
          month: '2026-04',
          balance: '1',
          mediumLongBalance: '0',
        })
      ).status,
    ).toBe(403);

    const hubei = await post(actors.hubeiManager, {
      enterpriseId: world.hubeiEnterpriseId,
      month: '2026-04',
      balance: '300.00',
      mediumLongBalance: '0.00',
    });
    expect(hubei.status).toBe(201);
    const hubeiId = String(hubei.body['id']);
    const ids = async (token: string): Promise<string[]> =>
      (await api.request<{ items: { id: string }[] }>('GET', '/api/v1/loan-balances', { token })).body.items.map(
        (i) => i.id,
      );
    expect(await ids(actors.hubeiManager)).toEqual([hubeiId]);
    expect(await ids(actors.leadManager)).not.toContain(hubeiId);
    expect(await ids(actors.deputyManager)).toEqual([]);
    expect(await ids(actors.supervisor)).not.toContain(hubeiId);
    expect(await ids(actors.hubeiSupervisor)).toContain(hubeiId);
    for (const token of [actors.leadManager, actors.supervisor]) {
      expect((await api.request('GET', `/api/v1/loan-balances/${hubeiId}`, { token })).status).toBe(404);
    }
    // The report of a Henan supervisor holds no Hubei balance; a bank manager reads their bank alone.
    const henan = await api.request<{ total: Body }>('GET', '/api/v1/reports/balances?asOf=2026-04&groupBy=region', {
      token: actors.supervisor,
    });
    expect(henan.body.total['balance']).toBe('0.00');
    const own = await api.request<{ total: Body }>('GET', '/api/v1/reports/balances?asOf=2026-04&groupBy=bank', {
      token: actors.hubeiManager,
    });
    expect(own.body.total['balance']).toBe('300.00');
    const asked = await api.request(
      'GET',
      `/api/v1/reports/balances?asOf=2026-04&groupBy=bank&bankId=${world.henanBankId}`,
      {
        token: actors.hubeiManager,
      },
    );
    expect(asked.status).toBe(400);
  });

  it('imports a CSV and an XLSX for the importer’s bank; rows in error are reported; importing again corrects with history', async () => {
    const csv = [
      HEADER.join(','),
      `${henanUscc},2026-01,1000.00,400.00`,
      `${henanUscc},2026年2月,120万,0`,
      `${henanUscc},2026-01,1.00,0`, // the same month twice in the file
      `91110000600037341X,2026-01,1.00,0`, // not a valid code
      `${henanUscc},2026-02-31x,1.00,0`,
      `${henanUscc},2026-05,1.00,2.00`,
      `${henanUscc},2027-01,1.00,0`,
      `${henanUscc},2026-05,abc,0`,
    ].join('\n');
    const done = await upload(actors.deputyManager, csv, 'text/csv');
    expect(done).toMatchObject({ status: 'completed', rowsRead: 8, rowsAccepted: 2, rowsRejected: 6 });
    expect(done.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'month'],
      [5, 'uscc'],
      [6, 'month'],
      [7, 'mediumLongBalance'],
      [8, 'month'],
      [9, 'balance'],
    ]);
    const landed = await api.dataSource.query<{ month: string; balance: string; bank_id: string; import_id: string }[]>(
      `SELECT to_char(month, 'YYYY-MM') AS month, balance::text AS balance, bank_id, import_id FROM loan_balances
        WHERE bank_id = $1 ORDER BY month`,
      [world.henanBank2Id],
    );
    expect(landed).toEqual([
      { month: '2026-01', balance: '1000.00', bank_id: world.henanBank2Id, import_id: done.id },
      { month: '2026-02', balance: '1200000.00', bank_id: world.henanBank2Id, import_id: done.id },
    ]);

    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('余额');
    sheet.addRow(HEADER);
    sheet.addRow([henanUscc, '2026-01', 1100, 400]);
    sheet.addRow([henanUscc, new Date(Date.UTC(2026, 2, 31)), '900.50', '0']);
    const again = await upload(actors.deputyManager, Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_MEDIA_TYPE);
    expect(again).toMatchObject({ status: 'completed', rowsAccepted: 2, rowsRejected: 0 });
    const history = await api.dataSource.query<
      { month: string; revision: number; balance: string; previous: string | null; import_id: string }[]
    >(
      `SELECT to_char(b.month, 'YYYY-MM') AS month, r.revision, r.balance::text AS balance,
              r.previous_balance::text AS previous, r.import_id
         FROM loan_balance_revisions r JOIN loan_balances b ON b.id = r.loan_balance_id
        WHERE b.bank_id = $1 ORDER BY b.month, r.revision`,
      [world.henanBank2Id],
    );
    expect(history).toEqual([
      { month: '2026-01', revision: 1, balance: '1000.00', previous: null, import_id: done.id },
      { month: '2026-01', revision: 2, balance: '1100.00', previous: '1000.00', import_id: again.id },
      { month: '2026-02', revision: 1, balance: '1200000.00', previous: null, import_id: done.id },
      { month: '2026-03', revision: 1, balance: '900.50', previous: null, import_id: again.id },
    ]);
    // The rollup follows the correction.
    const report = await api.request<{ rows: Body[] }>(
      'GET',
      `/api/v1/reports/balances?asOf=2026-01&groupBy=bank&bankId=${world.henanBank2Id}`,
      { token: actors.supervisor },
    );
    expect(report.body.rows).toEqual([
      expect.objectContaining({ key: world.henanBank2Id, balance: '1100.00', mediumLongBalance: '400.00' }),
    ]);
    expect(await rollupDrift()).toEqual([]);
  });

  it('an enterprise moved to another chain or region takes its balances with it in the report', async () => {
    await api.dataSource.query(`UPDATE enterprises SET tags = '{high_tech}' WHERE id = $1`, [world.henanEnterpriseId]);
    const byTag = await api.request<{ rows: Body[] }>('GET', '/api/v1/reports/balances?asOf=2026-03&groupBy=tag', {
      token: actors.supervisor,
    });
    expect(byTag.body.rows).toEqual([
      expect.objectContaining({ key: 'high_tech', balance: '5200900.50', share: '1.0000' }),
    ]);
    const csv = await api.app.inject({
      method: 'GET',
      url: '/api/v1/reports/balances?asOf=2026-03&groupBy=tag',
      headers: { authorization: `Bearer ${actors.supervisor}`, accept: 'text/csv' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('高新技术企业');
    expect(csv.body).toContain('贷款余额（万元）');
    const series = await api.request<{ series: Body[] }>(
      'GET',
      '/api/v1/reports/balances?asOf=2026-03&groupBy=size&series=true',
      { token: actors.supervisor },
    );
    expect(series.body.series).toHaveLength(24);
    expect(series.body.series.at(-1)).toMatchObject({ month: '2026-03', balance: '5200900.50' });
    const county = await api.request<{ rows: Body[] }>(
      'GET',
      '/api/v1/reports/balances?asOf=2026-03&groupBy=size&regionCode=410102',
      { token: actors.supervisor },
    );
    expect(county.body.rows).toEqual([expect.objectContaining({ key: 'large', balance: '5200900.50' })]);
    expect(await rollupDrift()).toEqual([]);

    // To Wuhan, into the Hubei chain as a member, and small: every depth of the rollup follows.
    await api.dataSource.query(
      `UPDATE enterprises SET region_code = '420100', chain_id = $2, chain_role = 'member', size = 'small'
        WHERE id = $1`,
      [world.henanEnterpriseId, world.hubeiChainId],
    );
    expect(await rollupDrift()).toEqual([]);
    const read = async (token: string, query: string): Promise<{ total: Body; rows: Body[] }> => {
      const response = await api.request<{ total: Body; rows: Body[] }>(
        'GET',
        `/api/v1/reports/balances?asOf=2026-03&${query}`,
        { token },
      );
      expect(response.status).toBe(200);
      return response.body;
    };
    expect((await read(actors.supervisor, 'groupBy=region')).total).toMatchObject({ balance: '0.00' });
    const hubei = await read(actors.hubeiSupervisor, 'groupBy=region&series=true');
    expect(hubei.total).toMatchObject({ balance: '5200900.50' });
    expect(hubei.rows).toEqual([expect.objectContaining({ key: '420100', balance: '5200900.50', share: '1.0000' })]);
    expect((await read(actors.hubeiSupervisor, 'groupBy=chainRole')).rows).toEqual([
      expect.objectContaining({ key: 'member', balance: '5200900.50' }),
    ]);
    expect((await read(actors.hubeiSupervisor, 'groupBy=bank&regionCode=420100')).rows).toEqual([
      expect.objectContaining({ key: world.henanBankId, balance: '5200000.00' }),
      expect.objectContaining({ key: world.henanBank2Id, balance: '900.50' }),
    ]);
    const admin = await api.userToken('admin');
    expect((await read(admin.token, 'groupBy=region')).rows).toEqual([
      expect.objectContaining({ key: '420000', balance: '5200900.50' }),
      expect.objectContaining({ key: '410000', balance: '0.00' }),
    ]);
  });
});
