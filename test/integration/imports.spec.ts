import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { ImportRunner, XLSX_MEDIA_TYPE } from '@unblock/imports';
import { Workbook } from 'exceljs';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { importsContext, multipart } from '../support/imports-context';
import { TestApi } from '../support/test-api';

interface ImportBody {
  id: string;
  status: string;
  format: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  run: number;
  failureReason: string | null;
  errors: { row: number; field: string; reason: string }[];
}

describe('bulk imports (POST /imports/visits|enterprises, GET /imports/:id)', () => {
  const clock = new ManualClock(new Date('2026-06-02T02:00:00Z'));
  let api: TestApi;
  let context: INestApplicationContext;
  let runner: ImportRunner;
  let world: World;
  let officer: { token: string; userId: string };
  let henanUscc: string;
  let hubeiUscc: string;

  const upload = async (
    kind: 'visits' | 'enterprises',
    token: string,
    body: { payload: Buffer | string; headers: Record<string, string> },
  ): Promise<{ status: number; body: ImportBody & Record<string, unknown>; headers: Record<string, unknown> }> => {
    const response = await api.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${kind}`,
      headers: { authorization: `Bearer ${token}`, ...body.headers },
      payload: body.payload,
    });
    return {
      status: response.statusCode,
      body: JSON.parse(response.body) as ImportBody & Record<string, unknown>,
      headers: response.headers,
    };
  };
  const status = async (id: string, token: string): Promise<ImportBody> =>
    (await api.request<ImportBody>('GET', `/api/v1/imports/${id}`, { token })).body;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    context = await importsContext(api, clock);
    runner = context.get(ImportRunner);
    world = await buildWorld(api);
    officer = await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' });
    const usccOf = async (id: string): Promise<string> =>
      String(
        (await api.dataSource.query<{ uscc: string }[]>('SELECT uscc FROM enterprises WHERE id = $1', [id]))[0]?.uscc,
      );
    henanUscc = await usccOf(world.henanEnterpriseId);
    hubeiUscc = await usccOf(world.hubeiEnterpriseId);
  });

  afterAll(async () => {
    await context.close();
    await api.stop();
  });

  it('a visits CSV lands its valid rows and reports each invalid row with its number and reason', async () => {
    const earlier = await api.request('POST', '/api/v1/visits', {
      token: officer.token,
      body: {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
        visitedOn: '2026-05-01',
        kind: 'follow_up',
        clientRef: 'used-before',
      },
    });
    expect(earlier.status).toBe(201);
    const c = world.provinceCampaignId;
    const badCheck = `${henanUscc.slice(0, 17)}${henanUscc.endsWith('0') ? '1' : '0'}`;
    const csv = [
      'enterprise_uscc,campaignId,visitedOn,kind,summary,clientRef',
      `${henanUscc},${c},2026-05-10,on_site_diagnosis,"走访, 诊断",ok-1`, // row 2 ok
      `${badCheck},${c},2026-05-10,follow_up,,`, // 3 check character
      `${hubeiUscc},${c},2026-05-10,follow_up,,`, // 4 outside the officer's region
      `${henanUscc},${c},2026-13-01,follow_up,,`, // 5 bad date
      `${henanUscc},${c},2026-07-01,follow_up,,`, // 6 future
      `${henanUscc},${c},2026-05-11,chat,,`, // 7 kind
      `${henanUscc},${c},2026-05-12,gm_visit,,ok-1`, // 8 clientRef repeated in the file
      `${henanUscc},${c},2026-05-12,gm_visit,,used-before`, // 9 clientRef used through POST /visits
      `${henanUscc},${world.hubeiCampaignId},2026-05-12,gm_visit,,`, // 10 campaign not covering
      '',
      `${henanUscc.toLowerCase()},${c},2026-05-13,policy_promotion,"line one`,
      `line two",ok-2`, // 12 ok (a quoted newline; one record)
    ].join('\r\n');
    const before = await api.counts(['visits']);
    const answer = await upload('visits', officer.token, multipart(`\uFEFF${csv}`, 'visits.csv'));
    expect(answer.status).toBe(202);
    expect(answer.headers['location']).toBe(`/api/v1/imports/${answer.body.id}`);
    expect(answer.body).toMatchObject({ status: 'queued', format: 'csv', rowsRead: 0 });
    const queued = await api.dataSource.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM outbox WHERE type = 'imports.run' AND payload->>'importId' = $1`,
      [answer.body.id],
    );
    expect(queued[0]?.n).toBe('1');

    expect(await runner.run(answer.body.id, 1, { batchRows: 4 })).toEqual({ done: expect.any(String) as string });
    const done = await status(answer.body.id, officer.token);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 10, rowsAccepted: 2, rowsRejected: 8 });
    expect(done.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'enterpriseUscc'],
      [4, 'enterpriseUscc'],
      [5, 'visitedOn'],
      [6, 'visitedOn'],
      [7, 'kind'],
      [8, 'clientRef'],
      [9, 'clientRef'],
      [10, 'campaignId'],
    ]);
    expect(done.errors[0]?.reason).toMatch(/check character/u);
    expect(done.errors[3]?.reason).toBe('must not be in the future');
    const after = await api.counts(['visits']);
    expect((after['visits'] ?? 0) - (before['visits'] ?? 0)).toBe(2);
    const landed = await api.dataSource.query<{ summary: string; visitor_user_id: string; region_code: string }[]>(
      `SELECT summary, visitor_user_id, region_code FROM visits WHERE client_ref IN ('ok-1', 'ok-2') ORDER BY client_ref`,
    );
    expect(landed).toEqual([
      { summary: '走访, 诊断', visitor_user_id: officer.userId, region_code: '410102' },
      { summary: 'line one\r\nline two', visitor_user_id: officer.userId, region_code: '410102' },
    ]);
    const chunks = await api.dataSource.query<{ n: string }[]>(
      'SELECT count(*)::text AS n FROM import_chunks WHERE import_id = $1',
      [answer.body.id],
    );
    expect(chunks[0]?.n).toBe('0');
  });

  it('a clientRef repeated in the file is refused whether it came in the same, the previous or an earlier batch', async () => {
    const c = world.provinceCampaignId;
    // Batches of 2 (rows 2-3, 4-5, 6-7, 8-9): the next batch is checked while the previous one is written.
    const refs = ['dup-1', 'dup-2', 'dup-1', 'dup-3', 'dup-2', 'dup-3', 'dup-1', 'dup-4'];
    const csv = [
      'enterpriseUscc,campaignId,visitedOn,kind,clientRef',
      ...refs.map((ref) => `${henanUscc},${c},2026-05-20,follow_up,${ref}`),
    ].join('\n');
    const answer = await upload('visits', officer.token, multipart(csv, 'dups.csv'));
    expect(answer.status).toBe(202);
    expect(await runner.run(answer.body.id, 1, { batchRows: 2 })).toEqual({ done: expect.any(String) as string });
    const done = await status(answer.body.id, officer.token);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 8, rowsAccepted: 4, rowsRejected: 4 });
    expect(done.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'clientRef'],
      [6, 'clientRef'],
      [7, 'clientRef'],
      [8, 'clientRef'],
    ]);
    const landed = await api.dataSource.query<{ client_ref: string }[]>(
      `SELECT client_ref FROM visits WHERE client_ref LIKE 'dup-%' ORDER BY client_ref`,
    );
    expect(landed.map((r) => r.client_ref)).toEqual(['dup-1', 'dup-2', 'dup-3', 'dup-4']);
  });

  it('an enterprises workbook (.xlsx, raw body) lands valid rows; a taken code is a row error, not a failure', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('enterprises');
    sheet.addRow(['uscc', 'name', 'regionCode', 'chainId', 'chainRole', 'size', 'tags']);
    const fresh = newUscc('410102');
    sheet.addRow([fresh, '郑州新材', '410102', world.henanChainId, 'upstream', 'small', 'high_tech; specialized_sme']);
    sheet.addRow(['91110000600037341L', '重复', '420100', null, null, 'large', null]);
    sheet.addRow([newUscc('410102'), '无区', '419999', null, null, 'micro', null]);
    sheet.addRow([newUscc('410102'), '无角色', '410102', world.henanChainId, null, 'micro', null]);
    sheet.addRow([fresh, '文件内重复', '410102', null, null, 'micro', null]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const admin = (await api.userToken('admin')).token;
    const answer = await upload('enterprises', admin, {
      payload: file,
      headers: { 'content-type': XLSX_MEDIA_TYPE, 'x-filename': 'enterprises.xlsx' },
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ format: 'xlsx', status: 'queued', filename: 'enterprises.xlsx' });
    await runner.run(answer.body.id, 1);
    const done = await status(answer.body.id, admin);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 5, rowsAccepted: 1, rowsRejected: 4 });
    expect(done.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'uscc'],
      [4, 'regionCode'],
      [5, 'chainRole'],
      [6, 'uscc'],
    ]);
    const [landed] = await api.dataSource.query<{ name: string; chain_role: string; tags: string[] }[]>(
      'SELECT name, chain_role, tags FROM enterprises WHERE uscc = $1',
      [fresh],
    );
    expect(landed).toEqual({ name: '郑州新材', chain_role: 'upstream', tags: ['high_tech', 'specialized_sme'] });
  });

  it('an enterprises CSV in Chinese takes a chain by name, a region by name and the contact; unknown names are row errors naming the column', async () => {
    const accepted = newUscc('410102');
    const csv = [
      '统一社会信用代码,企业名称,地区,产业链,链上角色,企业规模,标签,联系人,联系电话',
      `${accepted},郑州名称导入,中原区,装备制造,链主,中型,专精特新、高新技术企业,王经理,0635-8231234`,
      `${newUscc('410102')},无此链,410102,不存在的链,上游,小型,,,`,
      `${newUscc('410102')},无此区,火星区,,,small,,,`,
      `${newUscc('410102')},错号码,郑州市,,,小型,,李四,12345`,
      `${newUscc('410102')},角色不明,郑州市,装备制造,龙头,小型,,,`,
    ].join('\n');
    const admin = (await api.userToken('admin')).token;
    const answer = await upload('enterprises', admin, multipart(csv, '企业导入.csv'));
    expect(answer.status).toBe(202);
    await runner.run(answer.body.id, 1);
    const done = await status(answer.body.id, admin);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 5, rowsAccepted: 1, rowsRejected: 4 });
    expect(done.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'chain'],
      [4, 'region'],
      [5, 'contactPhone'],
      [6, 'chainRole'],
    ]);
    expect(done.errors[0]?.reason).toContain('不存在的链');
    expect(done.errors[1]?.reason).toContain('火星区');
    const [landed] = await api.dataSource.query<Record<string, unknown>[]>(
      `SELECT region_code, chain_id, chain_role, size, tags, contact_name, contact_phone
         FROM enterprises WHERE uscc = $1`,
      [accepted],
    );
    expect(landed).toEqual({
      region_code: '410102',
      chain_id: world.henanChainId,
      chain_role: 'leader',
      size: 'medium',
      tags: ['specialized_sme', 'high_tech'],
      contact_name: '王经理',
      contact_phone: '0635-8231234',
    });
  });

  it('bad uploads answer 4xx problem details naming the field and write nothing', async () => {
    const tables = ['imports', 'import_chunks', 'import_errors', 'outbox', 'visits'];
    const before = await api.counts(tables);
    const cases: [{ payload: Buffer | string; headers: Record<string, string> }, number, string][] = [
      [{ payload: '', headers: { 'content-type': 'text/csv' } }, 400, 'file'],
      [{ payload: '{}', headers: { 'content-type': 'application/json' } }, 415, 'file'],
      [multipart('a,b\n', 'x.csv', 'text/csv', 'document'), 400, 'file'],
      [multipart(Buffer.from('%PDF-1.7\n%\u00e2\u00e3binary\u0000'), 'scan.pdf', 'application/pdf'), 415, 'file'],
      [multipart(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx', XLSX_MEDIA_TYPE), 400, 'file'],
      [multipart('enterpriseUscc,campaign,visitedOn\nx,y,z\n', 'visits.csv'), 400, 'header.campaign'],
      [multipart('campaignId,visitedOn,kind\n', 'visits.csv'), 400, 'header.enterpriseUscc|enterpriseId'],
    ];
    for (const [body, expected, field] of cases) {
      const answer = await upload('visits', officer.token, body);
      expect([answer.status, answer.body['status']]).toEqual([expected, expected]);
      expect(answer.body['type']).toMatch(/^https:/u);
      const errors = answer.body['errors'] as { field: string }[] | undefined;
      expect(errors?.map((e) => e.field)).toContain(field);
    }
    expect(await api.counts(tables)).toEqual(before);
  });

  it('keeps to the roles and scope of the single-row endpoints', async () => {
    const csv = multipart(
      `enterpriseUscc,campaignId,visitedOn,kind\n${henanUscc},${world.provinceCampaignId},2026-05-01,gm_visit\n`,
      'v.csv',
    );
    const admin = (await api.userToken('admin')).token;
    const supervisor = (await api.userToken('supervisor', { organizationId: world.regulatorId, regionCode: '410000' }))
      .token;
    expect((await upload('enterprises', officer.token, csv)).status).toBe(403);
    expect((await upload('visits', admin, csv)).status).toBe(403);
    expect((await upload('visits', supervisor, csv)).status).toBe(403);
    const mine = await upload('visits', officer.token, csv);
    expect(mine.status).toBe(202);
    const other = await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' });
    expect((await api.request('GET', `/api/v1/imports/${mine.body.id}`, { token: other.token })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/imports/${mine.body.id}`, { token: admin })).status).toBe(200);
    expect((await api.request('GET', `/api/v1/imports/${mine.body.id}`)).status).toBe(401);

    // A bank manager imports only into gm_visits campaigns, like POST /visits.
    const manager = await api.userToken('bank_manager', { organizationId: world.henanBankId, regionCode: '410100' });
    const byManager = await upload('visits', manager.token, csv);
    await runner.run(byManager.body.id, 1);
    const done = await status(byManager.body.id, manager.token);
    expect(done).toMatchObject({ status: 'completed', rowsAccepted: 0, rowsRejected: 1 });
    expect(done.errors[0]).toMatchObject({
      row: 2,
      field: 'campaignId',
      reason: expect.stringMatching(/gm_visits/u) as string,
    });
  });

  it('a run that dies mid-import leaves whole batches only; the next run resumes and duplicates nothing', async () => {
    const rows = Array.from(
      { length: 10 },
      (_, i) =>
        `${henanUscc},${world.provinceCampaignId},2026-05-20,follow_up,${i === 7 ? 'boom' : `visit ${i}`},crash-${i}`,
    );
    const csv = [
      'enterpriseUscc,campaignId,visitedOn,kind,summary,clientRef',
      ...rows,
      `bad,${world.provinceCampaignId},2026-05-20,follow_up,,`,
    ].join('\n');
    const answer = await upload('visits', officer.token, multipart(csv, 'crash.csv'));
    expect(answer.status).toBe(202);
    const id = answer.body.id;
    // A real failure inside the third batch (rows 8-10): Postgres refuses one of its rows.
    await api.dataSource.query(`
      CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.summary = 'boom' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_boom BEFORE INSERT ON visits FOR EACH ROW EXECUTE FUNCTION refuse_boom();`);
    await expect(runner.run(id, 1, { batchRows: 3 })).rejects.toThrow(/disk on fire/u);
    const landedRefs = async (): Promise<string[]> =>
      (
        await api.dataSource.query<{ client_ref: string }[]>(
          `SELECT client_ref FROM visits WHERE client_ref LIKE 'crash-%' ORDER BY client_ref`,
        )
      ).map((r) => r.client_ref);
    expect(await status(id, officer.token)).toMatchObject({ status: 'running', rowsRead: 6, rowsAccepted: 6 });
    expect(await landedRefs()).toEqual(['crash-0', 'crash-1', 'crash-2', 'crash-3', 'crash-4', 'crash-5']);

    // The job's attempts ran out: the import fails, keeping its batches; a retry is a new run from the checkpoint.
    await runner.fail(id, 1, 'the import stopped: disk on fire');
    expect(await status(id, officer.token)).toMatchObject({
      status: 'failed',
      failureReason: expect.stringMatching(/disk/u) as string,
    });
    expect(await runner.run(id, 1)).toEqual({ skipped: expect.any(String) as string });
    await api.dataSource.query('DROP TRIGGER refuse_boom ON visits; DROP FUNCTION refuse_boom();');
    const retried = await api.request<ImportBody>('POST', `/api/v1/imports/${id}/retry`, { token: officer.token });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'queued', run: 2, rowsRead: 6 });
    expect((await api.request('POST', `/api/v1/imports/${id}/retry`, { token: officer.token })).status).toBe(409);

    // While one run holds the import, another run of it does nothing.
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock(7260002, hashtext($1))', [id]);
    expect(await runner.run(id, 2)).toEqual({ skipped: expect.stringMatching(/another worker/u) as string });
    await holder.query('SELECT pg_advisory_unlock(7260002, hashtext($1))', [id]);
    await holder.release();

    expect(await runner.run(id, 2, { batchRows: 3 })).toEqual({ done: expect.any(String) as string });
    const done = await status(id, officer.token);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 11, rowsAccepted: 10, rowsRejected: 1 });
    expect(done.errors).toEqual([expect.objectContaining({ row: 12, field: 'enterpriseUscc' })]);
    expect(await landedRefs()).toEqual(Array.from({ length: 10 }, (_, i) => `crash-${i}`).sort());
    // Running the finished import again (a duplicate job) writes nothing.
    expect(await runner.run(id, 2)).toEqual({ skipped: expect.any(String) as string });
    expect(await landedRefs()).toHaveLength(10);
  });
});
