import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { Stack } from '../support/stack';
import { launchBrowser, newContext, PHONE, signIn } from './support/browser';
import { ensureWebBuild } from './support/web-build';
import { buildWebWorld, type WebWorld } from './support/web-world';

jest.setTimeout(120_000);

/** The shortest access-token lifetime the API accepts (JWT_ACCESS_TTL_SECONDS, at least 10). */
const ACCESS_TTL_SECONDS = 10;

describe('the console refreshes an expired access token without losing what was typed', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    stack = await Stack.create({ JWT_ACCESS_TTL_SECONDS: String(ACCESS_TTL_SECONDS) });
    const [launched] = await Promise.all([
      launchBrowser(),
      // The API reads the console's index.html when it starts: build first.
      ensureWebBuild().then(() => stack.startApi()),
    ]);
    browser = launched;
    world = await buildWebWorld(stack);
    origin = `http://127.0.0.1:${stack.port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function savedVisits(summary: string): Promise<{ email: string; enterprise_id: string }[]> {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ email: string; enterprise_id: string }>(
        `SELECT u.email, v.enterprise_id FROM visits v JOIN users u ON u.id = v.visitor_user_id WHERE v.summary = $1`,
        [summary],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it('submits the visit form after the access token expired: one refresh, the request replayed, the visit saved', async () => {
    const context = await newContext(browser, PHONE, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const calls: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/v1/'))
        calls.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
    });

    await signIn(page, origin, world.officer.email, world.officer.password, '/visits/new');
    await page.getByLabel('按企业名称或统一社会信用代码查找').fill(world.enterprise.uscc);
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByLabel(new RegExp(world.enterprise.name, 'u')).click();
    await page.getByText(`已选择：${world.enterprise.name}`).waitFor();
    await page.getByLabel('专项行动').selectOption({ label: world.campaignName });
    await page.getByLabel('现场诊断').check();
    const summary = '令牌过期后提交：库存积压，需要流动资金贷款。';
    await page.getByLabel('走访纪要').fill(summary);

    // The access token expires while the officer is still on the form.
    await page.waitForTimeout((ACCESS_TTL_SECONDS + 2) * 1000);
    calls.length = 0;
    await page.getByRole('button', { name: '保存走访' }).click();
    await page.getByText('走访已保存。').waitFor();

    // The expired token was refused, the session refreshed once, and the same request replayed.
    expect(calls).toEqual(['POST /api/v1/visits 401', 'POST /api/v1/auth/refresh 200', 'POST /api/v1/visits 201']);
    // The officer stayed where they were, signed in, and the visit holds what was typed.
    expect(new URL(page.url()).pathname).toBe('/visits/new');
    await expect(page.getByTestId('who').textContent()).resolves.toContain(world.officer.name);
    expect(await savedVisits(summary)).toEqual([{ email: world.officer.email, enterprise_id: world.enterprise.id }]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
