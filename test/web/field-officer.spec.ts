import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { Stack } from '../support/stack';
import { launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { ensureWebBuild } from './support/web-build';
import { buildWebWorld, type WebWorld } from './support/web-world';

jest.setTimeout(120_000);

describe('the console of a field officer, on a 390 × 844 phone, against the real API and worker', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    stack = await Stack.create();
    const [launched] = await Promise.all([
      launchBrowser(),
      // The API reads the console's index.html when it starts: build first.
      ensureWebBuild()
        .then(() => stack.startApi())
        .then(() => stack.startWorker()),
    ]);
    browser = launched;
    world = await buildWebWorld(stack);
    origin = `http://127.0.0.1:${stack.port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function visitsWithClientRef(clientRef: string): Promise<number> {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM visits WHERE client_ref = $1', [
        clientRef,
      ]);
      return Number(rows[0]?.n);
    } finally {
      await client.end();
    }
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('logs a visit offline, keeps it on the phone, and sends it exactly once when the connection returns', async () => {
    const context = await newContext(browser, PHONE, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/u.test(message.text())) {
        errors.push(message.text());
      }
    });

    // Signed out, a deep link goes to the sign-in page and back.
    await page.goto(`${origin}/visits/new`);
    await page.locator('input[name="email"]').waitFor();
    expect(page.url()).toContain('/sign-in?next=%2Fvisits%2Fnew');
    await expectAccessible(page);
    await screenshot(page, 'sign-in-phone');
    await signIn(page, origin, world.officer.email, world.officer.password, '/visits/new');
    await page.getByLabel('按企业名称或统一社会信用代码查找').waitFor();
    expect(page.url()).toBe(`${origin}/visits/new`);

    // Name, role and organization are shown.
    const who = page.getByTestId('who');
    await expect(who.textContent()).resolves.toContain(world.officer.name);
    await expect(who.textContent()).resolves.toContain('走访人员');
    await page.getByText(world.regulatorName).waitFor();

    // Find the enterprise by its credit code, while online.
    await page.getByLabel('按企业名称或统一社会信用代码查找').fill(world.enterprise.uscc);
    await page.getByRole('button', { name: '查找' }).click();
    // Picking a result replaces the list with the choice.
    await page.getByLabel(new RegExp(world.enterprise.name, 'u')).click();
    await page.getByText(`已选择：${world.enterprise.name}`).waitFor();
    await page.getByLabel('专项行动').selectOption({ label: world.campaignName });
    await page.getByLabel('现场诊断').check();
    await page.getByLabel('走访纪要').fill('车间满负荷，设备更新缺少中长期贷款。');
    await expectAccessible(page);

    // The signal drops; the visit is written anyway, kept on the device, and listed as waiting.
    await context.setOffline(true);
    await page.getByRole('button', { name: '保存走访' }).click();
    await page.getByText('当前无网络：走访已保存在本设备上，网络恢复后自动发送。').waitFor();
    const waiting = page.getByTestId('outbox').locator('li[data-client-ref]');
    await expect(waiting.count()).resolves.toBe(1);
    const clientRef = String(await waiting.first().getAttribute('data-client-ref'));
    await expect(page.getByTestId('connection').textContent()).resolves.toContain('1 条走访待发送');
    await screenshot(page, 'field-officer-offline-phone');
    expect(await visitsWithClientRef(clientRef)).toBe(0);

    // The connection returns: the outbox sends it, once.
    await context.setOffline(false);
    await page.getByTestId('outbox').getByText('没有待发送的内容。').waitFor({ timeout: 15_000 });
    expect(await visitsWithClientRef(clientRef)).toBe(1);

    // A resend (the answer was lost on the way back, say) records nothing new: the clientRef makes the API
    // answer the same visit.
    const resent = await stack.http<{ id: string }>('POST', '/visits', world.officer.token, {
      campaignId: world.campaignId,
      enterpriseId: world.enterprise.id,
      kind: 'on_site_diagnosis',
      visitedOn: new Date().toISOString().slice(0, 10),
      clientRef,
    });
    expect(resent.status).toBe(200);
    expect(await visitsWithClientRef(clientRef)).toBe(1);

    // "My visits" lists it, with the summary written offline.
    await page.getByRole('navigation').getByRole('link', { name: '我的走访' }).click();
    await page.getByText('车间满负荷，设备更新缺少中长期贷款。').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'field-officer-my-visits-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
