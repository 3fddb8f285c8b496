import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { formatMoney } from '../../apps/web/src/lib/money';
import { en, type MessageKey } from '../../apps/web/src/i18n/messages.en';
import { zhCN } from '../../apps/web/src/i18n/messages.zh-cn';
import { newUscc } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { DESKTOP, newContext, PHONE, screenshot, signIn } from './support/browser';
import { expectNoRawText } from './support/raw-text';
import type { WebWorld } from './support/web-world';
import { expectReadable, startWebStack } from './support/web-stack';

jest.setTimeout(180_000);

type Locale = 'zh-CN' | 'en';

/** A catalogue's text, placeholders filled, as the console shows it. */
function m(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = (locale === 'en' ? en : zhCN)[key];
  return text.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const VIEWS = [
  { device: PHONE, name: 'phone', locale: 'zh-CN' },
  { device: DESKTOP, name: 'desktop', locale: 'zh-CN' },
  { device: PHONE, name: 'phone', locale: 'en' },
  { device: DESKTOP, name: 'desktop', locale: 'en' },
] as const;

interface Need {
  id: string;
  number: string;
  enterpriseName: string;
  amount: string;
}

describe("the field officer's pages and the console offline, against the real API and worker", () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;
  let officerId: string;
  const pooled = { id: '', name: '洛阳精密轴承有限公司', uscc: '' };
  let atLeadBank: Need;
  let inPool: Need;
  let notRouted: Need;

  beforeAll(async () => {
    ({ stack, browser, world, origin } = await startWebStack());
    officerId = String((await stack.http<{ id: string }>('GET', '/me', world.officer.token)).body.id);
    // An enterprise in no chain: its needs go to the pool of the region's banks.
    pooled.uscc = newUscc('410100');
    pooled.id = await stack.created('/enterprises', world.admin, {
      uscc: pooled.uscc,
      name: pooled.name,
      regionCode: '410100',
      size: 'small',
    });
    atLeadBank = await need(world.enterprise, '8000000.00', '一期设备更新，需中长期贷款。');
    inPool = await need(pooled, '3000000.00', '订单增加，流动资金紧张。');
    notRouted = await need(world.enterprise, '1500000.00', '技改项目尚在论证。', false);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A visit by the officer and the need diagnosed from it (routed at once unless `route` is false). */
  async function need(
    enterprise: { id: string; name: string },
    requestedAmount: string,
    summary: string,
    route = true,
  ): Promise<Need> {
    const visitId = await stack.created('/visits', world.officer.token, {
      campaignId: world.campaignId,
      enterpriseId: enterprise.id,
      kind: 'on_site_diagnosis',
      visitedOn: new Date().toISOString().slice(0, 10),
      summary,
    });
    const created = await stack.http<{ id: string; number: string }>('POST', '/cases', world.officer.token, {
      visitId,
      requestedAmount,
      purpose: 'equipment_upgrade',
      term: 'medium_long',
      bottlenecks: ['slow_approval'],
      ...(route ? {} : { route: false }),
    });
    expect(created.status).toBe(201);
    return {
      id: created.body.id,
      number: created.body.number,
      enterpriseName: enterprise.name,
      amount: requestedAmount,
    };
  }

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

  /** The cases opened from the visit with this clientRef. */
  async function casesOfVisit(
    clientRef: string,
  ): Promise<{ enterpriseId: string; requestedAmount: string; purpose: string }[]> {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ enterpriseId: string; requestedAmount: string; purpose: string }>(
        `SELECT c.enterprise_id AS "enterpriseId", c.requested_amount AS "requestedAmount", c.purpose
           FROM cases c JOIN visits v ON v.id = c.origin_visit_id
          WHERE v.client_ref = $1`,
        [clientRef],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  /** Nothing wider than the screen: no table cut off at its right edge. */
  async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  }

  for (const view of VIEWS) {
    it(`shows names, the bank and amounts, and opens each need (${view.name}, ${view.locale})`, async () => {
      const { locale } = view;
      const context = await newContext(browser, view.device, locale);
      const page = await context.newPage();
      await signIn(page, origin, world.officer.email, world.officer.password, '/visits');

      // "My visits": each card names the enterprise, the kind in words and the campaign.
      const cards = page.locator('li[data-visit-id]');
      await cards.first().waitFor();
      await expect(cards.count()).resolves.toBe(3);
      const poolCard = cards.filter({ hasText: '订单增加，流动资金紧张。' });
      await poolCard.getByRole('heading', { name: pooled.name }).waitFor();
      await expect(poolCard.textContent()).resolves.toContain(m(locale, 'kind.on_site_diagnosis'));
      await expect(poolCard.textContent()).resolves.toContain(world.campaignName);
      await page.getByRole('heading', { name: world.enterprise.name }).first().waitFor();
      await expectReadable(page);
      await screenshot(page, `fo-my-visits-${view.name}-${locale}`);

      // The link of a card lists that enterprise's needs only.
      await poolCard.getByRole('link', { name: m(locale, 'fo.enterpriseCases') }).click();
      const rows = page.locator('tr[data-case-id]');
      await page
        .getByTestId('my-cases-count')
        .getByText(m(locale, 'fo.count', { count: 1, total: 1 }))
        .waitFor();
      await expect(rows.count()).resolves.toBe(1);
      await expect(rows.first().textContent()).resolves.toContain(inPool.number);
      await expect(rows.first().textContent()).resolves.toContain(m(locale, 'fo.inPool'));
      await page.getByRole('button', { name: m(locale, 'fo.anyEnterprise') }).click();

      // "My needs": number, enterprise, the bank that has it, status in words, amount.
      await page
        .getByTestId('my-cases-count')
        .getByText(m(locale, 'fo.count', { count: 3, total: 3 }))
        .waitFor();
      const row = (n: Need) => page.locator(`tr[data-case-id="${n.id}"]`);
      const lead = m(locale, 'fo.bankTier', { bank: '郑州银行', tier: m(locale, 'tier.1') });
      for (const [n, bank, status] of [
        [atLeadBank, lead, 'status.assigned'],
        [inPool, m(locale, 'fo.inPool'), 'status.assigned'],
        [notRouted, m(locale, 'fo.notRouted'), 'status.diagnosed'],
      ] as const) {
        const text = await row(n).textContent();
        expect(text).toContain(n.number);
        expect(text).toContain(n.enterpriseName);
        expect(text).toContain(bank);
        expect(text).toContain(m(locale, status));
        expect(text).toContain(formatMoney(n.amount, locale));
      }
      if (locale === 'zh-CN') await expect(row(atLeadBank).textContent()).resolves.toContain('800万元');
      await expectNoSidewaysScroll(page, view.device.viewport.width);
      for (const n of [atLeadBank, inPool, notRouted]) {
        const box = await row(n).boundingBox();
        expect(box).not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(view.device.viewport.width);
      }
      await expectReadable(page);
      await screenshot(page, `fo-my-cases-${view.name}-${locale}`);

      // The status filter.
      await page.getByLabel(m(locale, 'col.status')).selectOption('diagnosed');
      await page
        .getByTestId('my-cases-count')
        .getByText(m(locale, 'fo.count', { count: 1, total: 1 }))
        .waitFor();
      await expect(rows.first().getAttribute('data-case-id')).resolves.toBe(notRouted.id);
      await page.getByLabel(m(locale, 'col.status')).selectOption('');
      await page
        .getByTestId('my-cases-count')
        .getByText(m(locale, 'fo.count', { count: 3, total: 3 }))
        .waitFor();

      // A row opens its case, wherever it is tapped.
      await row(atLeadBank).locator('td').first().click();
      await page.waitForURL(`${origin}/my-cases/${atLeadBank.id}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(atLeadBank.number, 'u') }).waitFor();
      await expectNoRawText(page);

      // The diagnose page says which enterprise and which visit it is for.
      await page.goto(`${origin}/visits`);
      await poolCard.getByRole('link', { name: m(locale, 'visit.diagnose') }).click();
      const subject = page.getByTestId('diagnosis-subject');
      await subject.getByRole('heading', { name: pooled.name }).waitFor();
      await subject.getByText(pooled.uscc).waitFor();
      await subject.getByText('郑州市').waitFor();
      await subject.getByText('订单增加，流动资金紧张。').waitFor();
      await expect(subject.textContent()).resolves.toContain(m(locale, 'kind.on_site_diagnosis'));
      await expectNoSidewaysScroll(page, view.device.viewport.width);
      await expectReadable(page);
      await screenshot(page, `fo-diagnose-${view.name}-${locale}`);
      await context.close();
    });
  }

  it('serves the service worker and the manifest with their types, the worker never cached long', async () => {
    const sw = await fetch(`${origin}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/u);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(await sw.text()).toContain('unblock-api-');
    const manifest = await fetch(`${origin}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/u);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    const body = (await manifest.json()) as {
      name: string;
      lang: string;
      theme_color: string;
      icons: { src: string }[];
    };
    expect(body).toMatchObject({ lang: 'zh-CN', theme_color: '#0b5cad' });
    expect(body.name).toContain('融通');
    for (const icon of body.icons) {
      const answer = await fetch(`${origin}${icon.src}`);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'image/png']);
    }
    const index = await (await fetch(`${origin}/`)).text();
    expect(index).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  });

  it('opens with no network after its first load; a visit and its diagnosis written offline are sent once each when the signal returns, a lost answer included', async () => {
    const context = await newContext(browser, PHONE, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/u.test(message.text())) {
        errors.push(message.text());
      }
    });
    await signIn(page, origin, world.officer.email, world.officer.password, '/visits/new');
    // Once the service worker controls the page, the region's enterprises and the campaigns are read through it.
    await page.getByTestId('offline-ready').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('offline-ready').textContent()).resolves.toContain('2 家企业、1 个专项行动');
    const cached = await page.evaluate<{ names: string[]; urls: string[] }>(`
      caches.keys().then(async (names) => ({
        names,
        urls: (await Promise.all(names.filter((n) => n.startsWith('unblock-api-'))
          .map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.method + ' ' + new URL(r.url).pathname)))).flat(),
      }))
    `);
    // One API cache, the officer's own; only reads of enterprises and campaigns, never a write.
    expect(cached.names.filter((n) => n.startsWith('unblock-api-'))).toEqual([`unblock-api-${officerId}`]);
    expect(cached.urls.length).toBeGreaterThan(0);
    for (const url of cached.urls) expect(url).toMatch(/^GET \/api\/v1\/(enterprises|campaigns)/u);

    // No signal at all, and the page is opened again.
    await context.setOffline(true);
    await page.reload();
    const search = page.getByLabel('按企业名称或统一社会信用代码查找');
    await search.waitFor();
    await expect(page.getByTestId('connection').textContent()).resolves.toContain('离线');
    // The enterprise picker searches the region's enterprises kept on the phone.
    await search.fill('精密轴承');
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByLabel(new RegExp(pooled.name, 'u')).click();
    await page.getByText(`已选择：${pooled.name}`).waitFor();
    await page.getByLabel('专项行动').selectOption({ label: world.campaignName });
    await page.getByLabel('跟进回访').check();
    await page.getByLabel('走访纪要').fill('离线回访：资金缺口已报银行。');
    await expectReadable(page);
    await screenshot(page, 'fo-offline-visit-phone-zh-CN');
    await page.getByRole('button', { name: '保存走访' }).click();
    await page.getByText('当前无网络：走访已保存在本设备上，网络恢复后自动发送。').waitFor();
    const outbox = page.getByTestId('outbox');
    const waiting = outbox.locator('li[data-client-ref]');
    await expect(waiting.count()).resolves.toBe(1);
    const clientRef = String(await outbox.locator('li[data-entry-type="visit"]').getAttribute('data-client-ref'));
    expect(await visitsWithClientRef(clientRef)).toBe(0);

    // The visit kept on the phone is diagnosed on the spot, under its enterprise's name.
    const subject = page.getByTestId('diagnosis-subject');
    await subject.getByRole('heading', { name: pooled.name }).waitFor();
    await subject.getByText('离线回访：资金缺口已报银行。').waitFor();
    await subject.getByText('此次走访尚在本设备上等待发送：需求将在走访之后发送。').waitFor();
    await expectReadable(page);
    await screenshot(page, 'fo2-queued-visit-phone-zh-CN');
    await page.getByRole('button', { name: '根据此次走访诊断需求' }).click();
    await page.getByLabel(/需求金额/u).fill('800万');
    await page.getByLabel('资金用途').selectOption({ label: m('zh-CN', 'purpose.working_capital') });
    await page.getByLabel('短期').check();
    await page.getByLabel('抵押物不足').check();
    await page.getByLabel('备注').fill('订单回款慢，需短期流动资金。');
    await expectReadable(page);
    await screenshot(page, 'fo2-diagnose-queued-visit-phone-zh-CN');
    await page.getByRole('button', { name: '建立需求' }).click();
    await page.getByText('需求已保存在本设备上，网络恢复后紧随其走访发送。').waitFor();

    // Both wait, listed in words, the need after its visit; nothing has reached the API.
    await expect(waiting.count()).resolves.toBe(2);
    const queuedNeed = outbox.locator('li[data-entry-type="need"]');
    await expect(queuedNeed.textContent()).resolves.toContain(`${pooled.name} · 需求 800万元 · 等待发送`);
    await expect(page.getByTestId('connection').textContent()).resolves.toContain('1 条走访、1 条需求待发送');
    await expectReadable(page);
    await screenshot(page, 'fo2-outbox-visit-and-need-phone-zh-CN');
    expect(await casesOfVisit(clientRef)).toEqual([]);

    // The first answer to POST /cases is lost on its way back: the API opened the case, the phone never heard.
    const answers: string[] = [];
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      if (answers.push(`${response.status()} ${response.headers()['idempotent-replayed'] ?? 'first'}`) === 1) {
        return route.abort('connectionreset');
      }
      return route.fulfill({ response });
    });

    // The signal returns: the visit, then the need naming it, each recorded once.
    await context.setOffline(false);
    await outbox.getByText('没有待发送的内容。').waitFor({ timeout: 30_000 });
    expect(await visitsWithClientRef(clientRef)).toBe(1);
    expect(answers).toEqual(['201 first', '201 true']);
    const cases = await casesOfVisit(clientRef);
    expect(cases).toEqual([{ enterpriseId: pooled.id, requestedAmount: '8000000.00', purpose: 'working_capital' }]);
    await page.unroute('**/api/v1/cases');

    // With signal, a second need of that visit, from "My visits", goes the same way and opens at once.
    await page.getByRole('navigation').getByRole('link', { name: '我的走访' }).click();
    const card = page.locator('li[data-visit-id]').filter({ hasText: '离线回访：资金缺口已报银行。' });
    await card.getByRole('link', { name: '根据此次走访诊断需求' }).click();
    await page.getByTestId('diagnosis-subject').getByRole('heading', { name: pooled.name }).waitFor();
    await page.getByLabel(/需求金额/u).fill('2000000');
    await page.getByLabel('资金用途').selectOption({ label: m('zh-CN', 'purpose.equipment_upgrade') });
    await page.getByLabel('中长期').check();
    await page.getByLabel('审批慢').check();
    await page.getByRole('button', { name: '建立需求' }).click();
    await page.getByText(/^需求 C-\d{4}-\d+ 已建立：/u).waitFor();
    await expect(casesOfVisit(clientRef)).resolves.toHaveLength(2);
    await outbox.getByText('没有待发送的内容。').waitFor();

    // Signing out leaves no copy of the officer's reads on the phone.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('input[name="email"]').waitFor();
    const apiCaches = (): Promise<string[]> =>
      page.evaluate<string[]>(`caches.keys().then((n) => n.filter((x) => x.startsWith('unblock-api-')))`);
    for (let tries = 0; tries < 50 && (await apiCaches()).length > 0; tries += 1) await page.waitForTimeout(100);
    expect(await apiCaches()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
