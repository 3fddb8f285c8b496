import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { formatMoney } from '../../apps/web/src/lib/money';
import { newUscc } from '../support/fixtures';
import { eventually, Stack } from '../support/stack';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { expectNoRawText } from './support/raw-text';
import { ensureWebBuild } from './support/web-build';
import { buildWebWorld, type WebWorld } from './support/web-world';

jest.setTimeout(180_000);

interface Summary {
  visits: number;
  enterprisesVisited: number;
  needsDiagnosed: number;
  casesByStatus: Record<string, number>;
  signedCount: number;
  signedAmount: string;
  intentionAmount: string;
  claimsWithinSlaShare: string | null;
  funnel: { claimed: number; declined: number };
}

/**
 * A supervisor's console on a desktop, against the real API and worker: an unclaimed case misses a
 * seconds-scale claim deadline, the escalation arrives on the queue, the supervisor acknowledges it and
 * reassigns the case; the dashboard shows the figures the API answers.
 */
describe('the console of a supervisor, against the real API and worker', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    // Build first: the API reads index.html when it starts, so a build during its start would leave it
    // naming assets that are gone.
    await ensureWebBuild();
    stack = await Stack.create();
    const [launched] = await Promise.all([launchBrowser(), stack.startApi().then(() => stack.startWorker())]);
    browser = launched;
    world = await buildWebWorld(stack, {
      // Long enough that the deputy still holds the case while the supervisor reassigns it on a loaded machine.
      claim: 'PT15S',
      firstContact: 'PT1H',
      decision: 'PT1H',
      signing: 'PT1H',
      remindBefore: 'PT1S',
      levelTwoAfter: 'PT1H',
    });
    origin = `http://127.0.0.1:${stack.port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  async function newCase(enterpriseId = world.enterprise.id, route = true): Promise<{ id: string; number: string }> {
    const visit = await stack.http<{ id: string }>('POST', '/visits', world.officer.token, {
      campaignId: world.campaignId,
      enterpriseId,
      kind: 'on_site_diagnosis',
      visitedOn: new Date().toISOString().slice(0, 10),
    });
    expect(visit.status).toBe(201);
    const created = await stack.http<{ id: string; number: string }>('POST', '/cases', world.officer.token, {
      visitId: visit.body.id,
      requestedAmount: '12500000.00',
      purpose: 'equipment_upgrade',
      term: 'medium_long',
      bottlenecks: ['collateral_shortage', 'slow_approval'],
      ...(route ? {} : { route: false }),
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('sees an escalation arrive, acknowledges it, reassigns the case, and reads the dashboard', async () => {
    const context = await newContext(browser, DESKTOP, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    await signIn(page, origin, world.supervisor.email, world.supervisor.password, '/escalations');
    await page.getByRole('heading', { level: 1, name: '督办队列' }).waitFor();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '督办队列' }).waitFor();
    await nav.getByRole('link', { name: '专项行动看板' }).waitFor();

    // A case nobody claims: its 15-second claim deadline passes and the worker's sweep escalates it.
    const opened = await newCase();
    const row = page.locator(`tr[data-case-id="${opened.id}"]`);
    await eventually(
      async () => {
        await page.getByRole('button', { name: '刷新' }).click();
        return (await row.count()) > 0 ? true : undefined;
      },
      45_000,
      'the escalation on the queue',
    );
    // The row names the case and its enterprise, the level and the missed obligation in words, and how long
    // it is overdue in working words (never seconds).
    const rowText = String(await row.textContent());
    expect(rowText).toContain(opened.number);
    expect(rowText).toContain(world.enterprise.name);
    expect(rowText).toContain('一级督办');
    expect(rowText).toContain('认领超时');
    expect(rowText).not.toMatch(/\d+秒|升级/u);
    expect(await row.locator('td[data-overdue]').textContent()).toMatch(/^已逾期 (不足 1 分钟|\d+ 分钟)$/u);
    await expectAccessible(page);
    await expectNoRawText(page);
    await screenshot(page, 'supervisor-escalations-desktop');
    await screenshot(page, 'sv-escalations-desktop');

    // Acknowledge: it leaves the "open" view; with "all" it shows as acknowledged.
    await row.getByRole('button', { name: '确认' }).click();
    await page.getByText('督办事项已确认。').waitFor();
    await eventually(async () => ((await row.count()) === 0 ? true : undefined), 10_000, 'the row to leave');
    await page.getByLabel('状态').selectOption({ label: '全部' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('已确认');
    const queue = await stack.http<{ items: { caseId: string; status: string }[] }>(
      'GET',
      '/escalations?limit=200',
      world.supervisor.token,
    );
    expect(queue.body.items.find((e) => e.caseId === opened.id)?.status).toBe('acknowledged');

    // From the queue to the case: the missed claim moved it to the deputy lead bank; send it back to the lead.
    await row.getByRole('link', { name: '处置需求' }).click();
    await page.getByRole('heading', { level: 1, name: `需求 ${opened.number}` }).waitFor();
    await page.getByTestId('assigned-bank').filter({ hasText: '中原银行' }).waitFor();
    await expectAccessible(page);
    const reassign = page.getByRole('form', { name: '改派银行' });
    // Keyboard only: the bank select, then Enter on the button.
    await reassign.getByLabel('银行').selectOption({ label: '中原银行' });
    await reassign.getByRole('button', { name: '改派' }).click();
    await reassign.getByText('该需求已在这家银行。').waitFor();
    await reassign.getByLabel('银行').selectOption({ label: '郑州银行' });
    await reassign.getByLabel('备注').fill('副链长行未响应，改回链长行');
    await reassign.getByRole('button', { name: '改派' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('需求已改派。').waitFor();
    await page.getByTestId('assigned-bank').filter({ hasText: '郑州银行' }).waitFor();
    await screenshot(page, 'supervisor-case-desktop');
    const after = await stack.http<{ assignedBankId: string }>('GET', `/cases/${opened.id}`, world.supervisor.token);
    expect(after.body.assignedBankId).toBe(world.leadBankId);

    // The dashboard: the figures on the page are the API's. The reports are refreshed by the worker a moment
    // after the events, so first wait until the API counts the escalation, then read the page.
    await eventually(
      async () => {
        const banks = await stack.http<{ escalations: number }[]>('GET', '/reports/banks', world.supervisor.token);
        return banks.body.some((bank) => bank.escalations > 0) ? true : undefined;
      },
      30_000,
      'the escalation in the bank figures',
    );
    await nav.getByRole('link', { name: '专项行动看板' }).click();
    await page.getByRole('heading', { level: 1, name: '专项行动看板' }).waitFor();
    await page.locator('[data-figure="visits"]').waitFor();
    await page.getByTestId('funnel-chart').locator('svg').waitFor();
    const summary = await stack.http<Summary>('GET', '/reports/summary', world.supervisor.token);
    expect(summary.status).toBe(200);
    const shown = async (key: string): Promise<string> =>
      String(await page.locator(`[data-figure="${key}"]`).textContent()).trim();
    const s = summary.body;
    expect(s.visits).toBeGreaterThanOrEqual(1);
    expect(s.needsDiagnosed).toBeGreaterThanOrEqual(1);
    expect(await shown('visits')).toBe(String(s.visits));
    expect(await shown('enterprisesVisited')).toBe(String(s.enterprisesVisited));
    expect(await shown('needsDiagnosed')).toBe(String(s.needsDiagnosed));
    // Needs a bank took up (对接), whatever their status now; the declines beside the funnel.
    expect(await shown('claimed')).toBe(String(s.funnel.claimed));
    expect(await shown('declined')).toBe(String(s.funnel.declined));
    expect(await shown('signedCount')).toBe(String(s.signedCount));
    expect(await shown('signedAmount')).toBe(formatMoney(s.signedAmount, 'zh-CN'));
    expect(await shown('intentionAmount')).toBe(formatMoney(s.intentionAmount, 'zh-CN'));
    expect(await shown('claimsWithinSlaShare')).toBe(
      s.claimsWithinSlaShare === null ? '—' : `${(Number(s.claimsWithinSlaShare) * 100).toFixed(1)}%`,
    );
    // By chain (with its lead and deputy bank) and by bank (the escalation counted).
    const chains = page.getByTestId('chains-table');
    await expect(chains.textContent()).resolves.toContain('装备制造');
    await expect(chains.textContent()).resolves.toContain('郑州银行');
    const banks = await stack.http<{ bankId: string; escalations: number }[]>(
      'GET',
      '/reports/banks',
      world.supervisor.token,
    );
    for (const bank of banks.body) {
      const cell = page.locator(`tr[data-bank-id="${bank.bankId}"] td[data-escalations]`);
      await expect(cell.textContent()).resolves.toBe(String(bank.escalations));
    }
    await expectAccessible(page);
    await screenshot(page, 'supervisor-dashboard-desktop');

    // Export: the same report as a CSV file, fetched with the bearer token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出总体数据（CSV）' }).click(),
    ]);
    // Named for what it holds, the supervisor's region and the day (Shanghai); Chinese headers.
    expect(download.suggestedFilename()).toMatch(/^专项行动汇总-河南省-\d{4}-\d{2}-\d{2}\.csv$/u);
    const csv = readFileSync(String(await download.path()), 'utf8');
    expect(csv).toContain('走访次数');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出银行数据（Excel）' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^银行统计-河南省-\d{4}-\d{2}-\d{2}\.xlsx$/u);
    // An .xlsx is a zip: it starts with "PK".
    expect(
      readFileSync(String(await xlsx.path()))
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone: the queue and the dashboard in English', async () => {
    const context = await newContext(browser, PHONE, 'en');
    const page = await context.newPage();
    await signIn(page, origin, world.supervisor.email, world.supervisor.password, '/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Campaign dashboard' }).waitFor();
    await page.locator('[data-figure="visits"]').waitFor();
    // Nothing wider than the screen but the scrollable tables.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await screenshot(page, 'supervisor-dashboard-phone');
    // The exports speak the console's language: English headers and file names, 10k yuan beside yuan.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^campaign-summary-河南省-\d{4}-\d{2}-\d{2}\.csv$/u);
    const csv = readFileSync(String(await download.path()), 'utf8');
    expect(csv.startsWith('\uFEFFIndicator,Value,10k yuan\r\n')).toBe(true);
    expect(csv).toContain('\r\nVisits,');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export banks (Excel)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^banks-河南省-\d{4}-\d{2}-\d{2}\.xlsx$/u);
    await page.getByRole('navigation').getByRole('link', { name: 'Escalations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Escalation queue' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  /** An attribute of each element a locator finds, in order. */
  async function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
    const out: (string | null)[] = [];
    for (let i = 0; i < (await locator.count()); i += 1) out.push(await locator.nth(i).getAttribute(name));
    return out;
  }

  interface Counts {
    total: number;
    byStatus: { status: string; count: number }[];
  }

  it('searches the region’s cases, narrows them by text and status, exports them, and reads the board', async () => {
    const textileName = '聊城纺织服装有限公司';
    const textileId = await stack.created('/enterprises', world.admin, {
      uscc: newUscc('410100'),
      name: textileName,
      regionCode: '410100',
      size: 'small',
    });
    const textile = await newCase(textileId);
    const heavy = await newCase();
    // One left diagnosed (not routed): the status filter has something to leave out.
    await newCase(world.enterprise.id, false);
    const context = await newContext(browser, DESKTOP, 'zh-CN');
    const page = await context.newPage();
    await signIn(page, origin, world.supervisor.email, world.supervisor.password, '/supervision/cases');
    await page.getByRole('heading', { level: 1, name: '需求查询' }).waitFor();
    const rows = page.getByTestId('search-results').locator('tbody tr');
    const counted = async (query: string): Promise<number> =>
      (await stack.http<Counts>('GET', `/cases/counts${query}`, world.supervisor.token)).body.total;

    // Everything in the region, counted as the API counts it.
    const all = await counted('');
    await page.locator(`[data-testid="search-count"][data-total="${all}"]`).waitFor();
    await rows.locator(`[href$="${heavy.id}"]`).waitFor();

    // The text narrows to the textile firm's case alone.
    await page.getByLabel('企业、信用代码或需求编号').fill('纺织');
    await page.getByLabel('企业、信用代码或需求编号').press('Enter');
    await page
      .locator(`[data-testid="search-count"][data-total="${await counted('?q=%E7%BA%BA%E7%BB%87')}"]`)
      .waitFor();
    await eventually(async () => ((await rows.count()) === 1 ? true : undefined), 10_000, 'one row');
    expect(await rows.first().textContent()).toContain(textile.number);
    expect(await rows.first().textContent()).toContain(textileName);
    expect(page.url()).toContain('q=');

    // Cleared, then a status: every row shows it, and the count is the API's.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByLabel('状态').selectOption({ label: '已分派' });
    const assigned = await counted('?status=assigned');
    await page.locator(`[data-testid="search-count"][data-total="${assigned}"]`).waitFor();
    expect(assigned).toBeLessThan(all);
    expect(await attributes(rows, 'data-status')).toEqual(Array(await rows.count()).fill('assigned'));
    await page.getByLabel('排序').selectOption({ label: '金额最大的在前' });
    await page.waitForURL(/sort=amount/u);
    await expectAccessible(page);
    await expectNoRawText(page);
    await screenshot(page, 'sv-search-desktop');

    // The export: what is shown, in Chinese, with names and a 万元 column beside exact yuan.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出所显示的需求（CSV）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^需求清单-\d{4}-\d{2}-\d{2}\.csv$/u);
    const csv = readFileSync(String(await download.path()), 'utf8');
    expect(csv).toContain('需求编号');
    expect(csv).toContain('申请金额（万元）');
    expect(csv).toContain(textileName);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + (await rows.count()));

    // A row opens the case page.
    await rows.locator(`a[href$="${heavy.id}"]`).click();
    await page.getByRole('heading', { level: 1, name: `需求 ${heavy.number}` }).waitFor();

    // The board: a column per status in lifecycle order, with the API's counts.
    await page.getByRole('navigation').getByRole('link', { name: '需求看板' }).click();
    await page.getByRole('heading', { level: 1, name: '需求看板' }).waitFor();
    const counts = (await stack.http<Counts>('GET', '/cases/counts', world.supervisor.token)).body;
    const columns = page.getByTestId('pipeline-board').locator('section[data-status]');
    await columns.first().waitFor();
    expect(await attributes(columns, 'data-status')).toEqual(counts.byStatus.map((s) => s.status));
    for (const { status, count: n } of counts.byStatus) {
      expect(await page.locator(`section[data-status="${status}"] [data-count]`).getAttribute('data-count')).toBe(
        String(n),
      );
    }
    const assignedColumn = page.locator('section[data-status="assigned"]');
    await assignedColumn.locator('li[data-case-id]').first().waitFor();
    expect(await assignedColumn.textContent()).toContain('已分派');
    await expectAccessible(page);
    await expectNoRawText(page);
    await screenshot(page, 'sv-board-desktop');

    // A column links to the search of its status.
    await assignedColumn.getByRole('link', { name: /查看全部/u }).click();
    await page.getByRole('heading', { level: 1, name: '需求查询' }).waitFor();
    await page.locator(`[data-testid="search-count"][data-total="${await counted('?status=assigned')}"]`).waitFor();
    expect(await page.getByLabel('状态').inputValue()).toBe('assigned');
    await context.close();
  });

  it('fits a phone in English: the search, the board and the escalations', async () => {
    const context = await newContext(browser, PHONE, 'en');
    const page = await context.newPage();
    const overflow = (): Promise<unknown> =>
      page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    await signIn(page, origin, world.supervisor.email, world.supervisor.password, '/supervision/board');
    await page.getByRole('heading', { level: 1, name: 'Pipeline board' }).waitFor();
    await page.locator('section[data-status="assigned"] li[data-case-id]').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.locator('section[data-status="loan_signed"] h2').textContent()).not.toContain('loan_signed');
    await expectAccessible(page);
    await expectNoRawText(page);
    await screenshot(page, 'sv-board-phone');

    await page.goto(`${origin}/supervision/cases?status=assigned`);
    await page.getByRole('heading', { level: 1, name: 'Case search' }).waitFor();
    await page.getByTestId('search-results').waitFor();
    expect(await page.getByTestId('search-count').textContent()).toMatch(/^\d+ cases found, \d+ shown/u);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await expectNoRawText(page);
    await screenshot(page, 'sv-search-phone');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the cases shown (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/u);
    const csv = readFileSync(String(await download.path()), 'utf8');
    expect(csv.startsWith('\uFEFFCase number,Enterprise,Region,')).toBe(true);
    expect(csv).toContain('Requested (10k yuan)');
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain(',Assigned,');

    await page.goto(`${origin}/escalations`);
    await page.getByRole('heading', { level: 1, name: 'Escalation queue' }).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'All' });
    const row = page.getByTestId('escalations').locator('tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/C-\d{4}-\d+/u);
    expect(await row.textContent()).toMatch(/Level [12] escalation/u);
    expect(await row.textContent()).toMatch(/overdue/iu);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await expectNoRawText(page);
    await screenshot(page, 'sv-escalations-phone');
    await context.close();
  });
});
