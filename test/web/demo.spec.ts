import type { Browser, Page } from 'playwright-core';
import { runEntryPoint } from '../support/processes';
import { eventually, Stack } from '../support/stack';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { ensureWebBuild } from './support/web-build';

jest.setTimeout(300_000);

const PASSWORD = 'unblock-demo-2026';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu;
const I18N_KEY = /\b(home|nav|queue|escalations|dashboard|role|money)\.[a-zA-Z]+/u;

interface CaseRow {
  id: string;
  status: string;
  routingTier: number;
  assignedBankId: string | null;
}

const DEVICES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;
const LOCALES = ['zh-CN', 'en'] as const;

const WORDS = {
  'zh-CN': {
    queue: '待办需求',
    escalationsLink: '督办队列',
    escalations: '督办队列',
    dashboard: '专项行动看板',
    waiting: '上线后会出现在导航中',
  },
  en: {
    queue: 'Work queue',
    escalationsLink: 'Escalations',
    escalations: 'Escalation queue',
    dashboard: 'Campaign dashboard',
    waiting: 'as they are built',
  },
} as const;

/**
 * The quick start's demo city, seeded by `seed-demo` and served by the real API and worker: each demo login
 * lands on real work, on a phone and a desktop, in Chinese and in English.
 */
describe('the demo city: every demo login lands on real work', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await Stack.create();
    const migrated = await runEntryPoint('apps/cli/src/main.ts', stack.env, ['migrate']);
    expect(migrated.code).toBe(0);
    const started = Date.now();
    const seeded = await runEntryPoint('apps/cli/src/main.ts', stack.env, ['seed-demo']);
    process.stdout.write(`seed-demo took ${Date.now() - started} ms (ts-node included)\n`);
    expect(seeded.stdout).toContain('demo seeded');
    const [launched] = await Promise.all([launchBrowser(), stack.startApi().then(() => stack.startWorker())]);
    browser = launched;
    origin = `http://127.0.0.1:${stack.port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function expectReadable(page: Page): Promise<void> {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(I18N_KEY);
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('gives the demo bank manager cases at every stage, at their bank and in their pools', async () => {
    const token = await stack.login('manager@demo.unblock', PASSWORD);
    const me = await stack.http<{ organizationId: string }>('GET', '/me', token);
    const queue = await stack.http<{ items: CaseRow[] }>('GET', '/cases?limit=200', token);
    expect(queue.status).toBe(200);
    const cases = queue.body.items;
    const atBank = cases.filter((c) => c.routingTier !== 3 || c.assignedBankId === me.body.organizationId);
    expect(cases.filter((c) => c.routingTier === 1).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.routingTier === 2).length).toBeGreaterThanOrEqual(2);
    expect(cases.filter((c) => c.routingTier === 3 && c.status === 'assigned').length).toBeGreaterThanOrEqual(3);
    expect(atBank.length).toBeGreaterThanOrEqual(10);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['assigned', 'claimed', 'approved', 'loan_signed']));
  });

  it('has open escalations for the supervisor and a dashboard of a few hundred visits', async () => {
    const token = await stack.login('supervisor@demo.unblock', PASSWORD);
    const open = await eventually(
      async () => {
        const answer = await stack.http<{ items: unknown[] }>('GET', '/escalations?status=open&limit=200', token);
        return answer.body.items.length >= 3 ? answer.body.items : undefined;
      },
      60_000,
      'the first sweep to open the overdue cases escalations',
    );
    expect(open.length).toBeGreaterThanOrEqual(3);
    const summary = await stack.http<{ visits: number; signedCount: number }>('GET', '/reports/summary', token);
    expect(summary.body.visits).toBeGreaterThanOrEqual(300);
    expect(summary.body.signedCount).toBeGreaterThanOrEqual(4);
  });

  for (const [device, viewport] of DEVICES) {
    for (const locale of LOCALES) {
      it(`shows each role its work on a ${device} in ${locale}`, async () => {
        const words = WORDS[locale];
        const suffix = `${device}-${locale}`;
        const context = await newContext(browser, viewport, locale);
        const page = await context.newPage();
        try {
          // The bank manager: home leads to the queue, which holds the bank's and the pools' cases.
          await signIn(page, origin, 'manager@demo.unblock', PASSWORD);
          await expect(page.locator('main').innerText()).resolves.not.toContain(words.waiting);
          await expectReadable(page);
          await screenshot(page, `demo-manager-home-${suffix}`);
          await page.getByRole('main').getByRole('link', { name: words.queue }).click();
          await page.getByRole('heading', { level: 1, name: words.queue }).waitFor();
          const cards = page.getByTestId('queue').locator('li.card');
          await cards.first().waitFor();
          expect(await cards.count()).toBeGreaterThanOrEqual(15);
          await expect(page.getByTestId('queue').innerText()).resolves.toContain('聊城');
          await expectReadable(page);
          await screenshot(page, `demo-manager-queue-${suffix}`);

          // The supervisor: open escalations, and a dashboard with a few hundred visits.
          const supervisor = await newContext(browser, viewport, locale);
          const second = await supervisor.newPage();
          await signIn(second, origin, 'supervisor@demo.unblock', PASSWORD);
          await expect(second.locator('main').innerText()).resolves.not.toContain(words.waiting);
          await second.getByRole('main').getByRole('link', { name: words.escalationsLink }).click();
          await second.getByRole('heading', { level: 1, name: words.escalations }).waitFor();
          await eventually(
            async () => ((await second.getByTestId('escalations').locator('tbody tr').count()) >= 3 ? true : undefined),
            60_000,
            'the open escalations on the page',
          );
          await expectReadable(second);
          await screenshot(second, `demo-supervisor-escalations-${suffix}`);
          await second.goto(`${origin}/dashboard`);
          await second.getByRole('heading', { level: 1, name: words.dashboard }).waitFor();
          const visits = second.locator('[data-figure="visits"]');
          // The demo keeps writing, and its first dashboard may wait for the worker's refresh: on a loaded
          // machine that is more than the default 30 s.
          await visits.waitFor({ timeout: 90_000 });
          expect(Number((await visits.innerText()).replace(/\D/gu, ''))).toBeGreaterThanOrEqual(300);
          await screenshot(second, `demo-supervisor-dashboard-${suffix}`);
          await supervisor.close();
        } finally {
          await context.close();
        }
      });
    }
  }
});
