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
});
