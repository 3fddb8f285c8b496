import { XLSX_TYPE } from '@unblock/http';
import { Workbook } from 'exceljs';
import type { Actors } from '../support/case-fixtures';
import type { World } from '../support/fixtures';
import type { TestApi } from '../support/test-api';
import { startReportsWorld } from './reports-fixture';

/** The reports as .xlsx workbooks and as CSV. */
describe('campaign reports', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    ({ api, world, actors } = await startReportsWorld());
  });

  afterAll(async () => {
    await api.stop();
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
      expect(String(response.headers['content-disposition'])).toMatch(/\.xlsx"; filename\*=UTF-8''.+\.xlsx$/u);
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
    expect(rows.some((r) => r[1] === '签约金额（元）' && r[2] === '3200000.04' && r[3] === '320.000004')).toBe(true);
  });

  it('answers CSV on every report and on /cases when asked', async () => {
    const summary = await api.request('GET', '/api/v1/reports/summary', {
      token: world.adminToken,
      headers: { accept: 'text/csv' },
    });
    expect(summary.headers['content-type']).toMatch(/^text\/csv/u);
    const text = summary.body as unknown as string;
    expect(text.startsWith('\uFEFF指标,数值,万元\r\n')).toBe(true);
    expect(text).toContain('签约金额（元）,3200000.04,320.000004\r\n');
    // The funnel, and the declines by their catalogue names.
    expect(text).toContain('\r\n已对接需求数,2,\r\n已授信需求数,2,\r\n已放款需求数,2,\r\n拒绝数,1,\r\n');
    expect(text).toContain('\r\n拒绝原因：信用风险较高,1,\r\n');
    const chains = await api.request('GET', '/api/v1/reports/chains', {
      token: world.adminToken,
      headers: { accept: 'text/csv' },
    });
    expect((chains.body as unknown as string).split('\r\n')[0]).toContain('产业链');
    const banks = await api.request('GET', '/api/v1/reports/banks', {
      token: world.adminToken,
      headers: { accept: 'text/csv' },
    });
    expect(banks.body as unknown as string).toContain('郑州银行');
    const bankLines = (banks.body as unknown as string).split('\r\n');
    expect(bankLines[0]).toContain(',已对接需求数,已授信需求数,已放款需求数,拒绝原因,');
    expect(bankLines.find((line) => line.startsWith('郑州银行,'))).toContain(',1,1,1,信用风险较高 1,');
    const cases = await api.request('GET', '/api/v1/cases?limit=200', {
      token: actors.supervisor,
      headers: { accept: 'text/csv' },
    });
    const lines = (cases.body as unknown as string).trim().split('\r\n');
    expect(lines[0]).toContain('需求编号');
    expect(lines).toHaveLength(1 + 4);
  });

  it('exports /cases for people: Chinese headers, names not ids, Shanghai times, 万元 beside yuan, a named file', async () => {
    const json = await api.request<{ items: Record<string, string | null>[] }>('GET', '/api/v1/cases?limit=200', {
      token: actors.supervisor,
    });
    const response = await api.request('GET', '/api/v1/cases?limit=200', {
      token: actors.supervisor,
      headers: { accept: 'text/csv' },
    });
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`需求清单-${today}.csv`)}`);
    const text = response.body as unknown as string;
    expect(
      text.startsWith('\uFEFF需求编号,企业,地区,产业链,状态,分派层级,分派银行,认领人,申请金额（元）,申请金额（万元）,'),
    ).toBe(true);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu);
    const lines = text.trim().split('\r\n');
    const shanghai = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    for (const item of json.body.items) {
      const line = lines.find((l) => l.startsWith(`${String(item['number'])},`));
      expect(line).toBeDefined();
      const enterprise = await api.request<{ name: string }>(
        'GET',
        `/api/v1/enterprises/${String(item['enterpriseId'])}`,
        {
          token: actors.supervisor,
        },
      );
      expect(line?.split(',')[1]).toBe(enterprise.body.name);
      const created = shanghai.format(new Date(String(item['createdAt'])));
      expect(line).toContain(`,${created},`);
      expect(line).toMatch(/,已(诊断|分派|认领|授信|签约|关闭),/u);
      const amount = String(item['requestedAmount']);
      const fen = BigInt(amount.replace('.', ''));
      const wan = `${fen / 1_000_000n}${
        fen % 1_000_000n === 0n
          ? ''
          : `.${String(fen % 1_000_000n)
              .padStart(6, '0')
              .replace(/0+$/u, '')}`
      }`;
      expect(line).toContain(`,${amount},${wan},`);
    }
  });

  it('speaks Chinese unless the reader prefers English: zh, zh-CN, none, other languages, unparsable', async () => {
    for (const language of [undefined, 'zh', 'zh-CN', 'zh-CN,zh;q=0.9,en;q=0.8', 'fr-FR', ';;q=x']) {
      const response = await api.request('GET', '/api/v1/reports/summary', {
        token: world.adminToken,
        headers: { accept: 'text/csv', ...(language === undefined ? {} : { 'accept-language': language }) },
      });
      expect([language, (response.body as unknown as string).startsWith('\uFEFF指标,数值,万元\r\n')]).toEqual([
        language,
        true,
      ]);
    }
  });

  it('speaks English with Accept-Language: en: headers, words, 10k yuan beside yuan, Shanghai times, file names', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const english = { accept: 'text/csv', 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.5' };
    const summary = await api.request('GET', '/api/v1/reports/summary', { token: world.adminToken, headers: english });
    const summaryText = summary.body as unknown as string;
    expect(summaryText.startsWith('\uFEFFIndicator,Value,10k yuan\r\n')).toBe(true);
    expect(summaryText).toContain('Signed amount (yuan),3200000.04,320.000004\r\n');
    expect(summaryText).toMatch(/\r\nNeeds: (Diagnosed|Assigned|Claimed|Credit approved|Loan signed|Closed),\d+,\r\n/u);
    expect(summaryText).not.toMatch(/[\u4e00-\u9fff]+[（：]/u);
    // An ASCII name needs no RFC 5987 `filename*`: the plain `filename` carries it.
    expect(String(summary.headers['content-disposition'])).toBe(
      `attachment; filename=campaign-summary-all-regions-${today}.csv`,
    );

    const chains = await api.request('GET', '/api/v1/reports/chains', { token: world.adminToken, headers: english });
    expect((chains.body as unknown as string).split('\r\n')[0]).toBe(
      '\uFEFFIndustrial chain,Region,Lead bank,Deputy lead bank,Visits,Enterprises visited,Needs diagnosed,' +
        'Enterprises financed,Intention (yuan),Intention (10k yuan),Signed (yuan),Signed (10k yuan),Loans signed,' +
        'Claimed on time,Chain leaders,Enterprises with a need,Needs matched,Needs credit approved,' +
        'Needs with a loan signed,Declines,Declined for,' +
        'Enterprises answering on contact,Contact confirmed by the enterprise (share),' +
        'Contact disputed by the enterprise,Ratings,Average rating,Average rate weighted by amount (%),' +
        [
          'First loans',
          'Credit loans',
          'Collateral loans',
          'Guaranteed loans',
          'Renewals',
          'Renewals without repayment',
          'Relending',
          'Interest subsidy',
          'Risk compensation',
          'Guarantee fee subsidy',
        ]
          .flatMap((k) => [`${k}: count`, `${k}: amount (yuan)`, `${k}: amount (10k yuan)`, `${k}: share of amount`])
          .join(',') +
        ',Guaranteed loans: average fee rate (%)',
    );
    const banks = await api.request('GET', '/api/v1/reports/banks', { token: world.adminToken, headers: english });
    expect(banks.body as unknown as string).toContain('郑州银行');
    expect((banks.body as unknown as string).startsWith('\uFEFFBank,Needs in hand,Claims,')).toBe(true);

    const json = await api.request<{ items: Record<string, string | null>[] }>('GET', '/api/v1/cases?limit=200', {
      token: actors.supervisor,
    });
    const cases = await api.request('GET', '/api/v1/cases?limit=200', { token: actors.supervisor, headers: english });
    const disposition = String(cases.headers['content-disposition']);
    expect(disposition).toBe(`attachment; filename=cases-${today}.csv`);
    expect(String(cases.headers['vary'])).toMatch(/\bAccept-Language\b/u);
    const text = cases.body as unknown as string;
    expect(
      text.startsWith(
        '\uFEFFCase number,Enterprise,Region,Industrial chain,Status,Routed to,Assigned bank,Claimed by,' +
          'Requested (yuan),Requested (10k yuan),',
      ),
    ).toBe(true);
    const shanghai = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + json.body.items.length);
    for (const item of json.body.items) {
      const line = lines.find((l) => l.startsWith(`${String(item['number'])},`));
      expect(line).toMatch(/,(Diagnosed|Assigned|Claimed|Credit approved|Loan signed|Closed),/u);
      expect(line).toMatch(
        /,(Working capital|Equipment upgrade|Capacity expansion|Technology R&D|Trade finance|Green transition|Other),/u,
      );
      expect(line).toContain(`,${shanghai.format(new Date(String(item['createdAt'])))},`);
      expect(line).not.toMatch(/已|主办行|协办行|成员机构池|流动资金|短期|中长期|一级督办|二级督办/u);
    }
  });

  it('answers the English workbooks with Accept-Language: en', async () => {
    const xlsx = async (url: string, token: string) => {
      const response = await api.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token}`, accept: XLSX_TYPE, 'accept-language': 'en' },
      });
      expect(response.statusCode).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      return {
        disposition: String(response.headers['content-disposition']),
        sheetName: sheet?.name,
        rows: (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][],
      };
    };
    const summary = await xlsx('/api/v1/reports/summary', world.adminToken);
    expect(summary.rows[0]?.slice(1)).toEqual(['Indicator', 'Value', '10k yuan']);
    expect(
      summary.rows.some((r) => r[1] === 'Signed amount (yuan)' && r[2] === '3200000.04' && r[3] === '320.000004'),
    ).toBe(true);
    expect(summary.sheetName).toMatch(/^campaign-summary-/u);
    const cases = await xlsx('/api/v1/cases?limit=200', actors.supervisor);
    expect(cases.rows[0]?.slice(1, 6)).toEqual(['Case number', 'Enterprise', 'Region', 'Industrial chain', 'Status']);
    expect(cases.rows[0]).toContain('Requested (10k yuan)');
    expect(cases.disposition).toMatch(/^attachment; filename=cases-\d{4}-\d{2}-\d{2}\.xlsx$/u);
    const statuses = cases.rows.slice(1).map((r) => r[5]);
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) {
      expect(['Diagnosed', 'Assigned', 'Claimed', 'Credit approved', 'Loan signed', 'Closed']).toContain(status);
    }
    const chinese = await api.app.inject({
      method: 'GET',
      url: '/api/v1/cases?limit=200',
      headers: { authorization: `Bearer ${actors.supervisor}`, accept: XLSX_TYPE, 'accept-language': 'zh-CN' },
    });
    const workbook = new Workbook();
    await workbook.xlsx.load(chinese.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0]?.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['需求编号', '企业']);
  });
});
