import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import type { Stack } from '../support/stack';
import { DESKTOP, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import type { WebWorld } from './support/web-world';
import { expectReadable, startWebStack } from './support/web-stack';

jest.setTimeout(120_000);

describe('needs from every channel in the console: 登记需求 on a phone, 导入申报清单 on a desktop', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    ({ stack, browser, world, origin } = await startWebStack());
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function query<T>(sql: string): Promise<T[]> {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      return (await client.query<T & Record<string, unknown>>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('a field officer records a need heard on the phone, with no visit, at 390 × 844 in Chinese', async () => {
    const context = await newContext(browser, PHONE, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, origin, world.officer.email, world.officer.password, '/needs/new');
    await page.getByLabel('按企业名称或统一社会信用代码查找').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('登记需求');
    await expectReadable(page);
    await screenshot(page, 'record-need-empty-phone');

    // Sent empty: each missing field says so, by its name.
    await page.getByRole('button', { name: '登记需求' }).click();
    await page.getByText('请从结果中选择一家企业。').waitFor();
    await expectReadable(page);

    await page.getByLabel('按企业名称或统一社会信用代码查找').fill(world.enterprise.uscc);
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByLabel(new RegExp(world.enterprise.name, 'u')).click();
    await page.getByText(`已选择：${world.enterprise.name}`).waitFor();
    await page.getByLabel('专项行动').selectOption({ label: world.campaignName });
    await page.getByLabel('电话').check();
    await page.getByLabel('需求金额（元）').fill('8000000');
    await page.getByLabel('资金用途').selectOption({ label: '流动资金' });
    await page.getByLabel('短期（一年以内）').check();
    await page.getByLabel('抵押物不足').check();
    // Each field put right drops its error at once.
    await expect(page.locator('.field-error').count()).resolves.toBe(0);
    await expectReadable(page);
    await screenshot(page, 'record-need-filled-phone');

    await page.getByRole('button', { name: '登记需求' }).click();
    const created = page.getByText(/^需求 C-\d{4}-\d{6} 已登记：/u);
    await created.waitFor();
    await expectReadable(page);

    const [row] = await query<{ source: string; origin_visit_id: string | null; status: string }>(
      'SELECT source, origin_visit_id, status FROM cases ORDER BY created_at DESC LIMIT 1',
    );
    expect(row).toEqual({ source: 'phone', origin_visit_id: null, status: 'assigned' });

    // The case page names the channel, and the timeline says it too.
    await page.getByRole('link', { name: '查看需求' }).click();
    await page.getByTestId('case-source').waitFor();
    await expect(page.getByTestId('case-source').textContent()).resolves.toBe('电话');
    await page.getByText('来源：电话').waitFor();
    await expectReadable(page);
    await screenshot(page, 'record-need-case-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a supervisor imports a 申报清单 and follows it to the end, with its rejected rows', async () => {
    const context = await newContext(browser, DESKTOP, 'zh-CN');
    const page = await context.newPage();
    await signIn(page, origin, world.supervisor.email, world.supervisor.password, '/needs/import');
    await page.getByLabel('未写明专项行动的行适用的专项行动').selectOption({ label: world.campaignName });
    await expect(page.getByRole('link', { name: '下载模板（CSV）' }).getAttribute('download')).resolves.toBe(
      '申报清单模板.csv',
    );
    await expectReadable(page);
    const csv = [
      '统一社会信用代码,企业名称,融资需求金额,资金用途,贷款期限,融资堵点',
      `${world.enterprise.uscc},,800万,流动资金,短期,抵押物不足、融资成本高`,
      ',没有这家企业,100万,流动资金,短期,',
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({
      name: '申报清单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: '上传并导入' }).click();
    await page.locator('[data-status="completed"]').waitFor({ timeout: 30_000 });
    await page.getByText('已读 2 行，成功 1 行，拒绝 1 行').waitFor();
    // The rejected row names its column as the file's header does.
    await page.getByTestId('import-errors').getByText('企业名称').waitFor();
    await screenshot(page, 'needs-import-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    const [row] = await query<{ n: string }>(
      `SELECT count(*)::text AS n FROM cases WHERE source = 'list' AND requested_amount = 8000000`,
    );
    expect(row?.n).toBe('1');

    // The dashboard counts the needs by channel and the enterprises with a need, as the API answers them.
    const summary = await stack.http<{ needsBySource: Record<string, number>; enterprisesWithNeed: number }>(
      'GET',
      '/reports/summary',
      world.supervisor.token,
    );
    const { phone, list, visit, enterprise } = summary.body.needsBySource;
    expect({ phone, list }).toEqual({ phone: 1, list: 1 });
    await page.goto(`${origin}/dashboard`);
    await page.locator('[data-figure="needsBySource.phone"]').waitFor();
    const shown = async (key: string): Promise<string> =>
      String(await page.locator(`[data-figure="${key}"]`).textContent()).trim();
    for (const [source, count] of Object.entries({ visit, phone, list, enterprise })) {
      expect(await shown(`needsBySource.${source}`)).toBe(String(count));
    }
    await page.getByText('需求来源：企业自主发布').waitFor();
    expect(await shown('enterprisesWithNeed')).toBe(String(summary.body.enterprisesWithNeed));
    await expectReadable(page);
    await screenshot(page, 'needs-dashboard-desktop');
    await context.close();
  });
});
