import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../apps/web/src/api/types';
import { en } from '../../apps/web/src/i18n/messages.en';
import { zhCN } from '../../apps/web/src/i18n/messages.zh-cn';
import { ADMIN, eventually, Stack } from '../support/stack';
import { launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { rawTextOf } from './support/raw-text';
import { ensureWebBuild } from './support/web-build';
import { buildWebWorld, type WebWorld } from './support/web-world';

jest.setTimeout(300_000);

const LOCALES = ['zh-CN', 'en'] as const;
const VIEWPORTS = [
  { name: 'phone', device: PHONE },
  { name: 'desktop', device: { viewport: { width: 1366, height: 768 } } },
] as const;
type Locale = (typeof LOCALES)[number];

/** `/` → `home`, `/visits/new` → `visits-new`, `/queue/:id` → `queue-case`: the screenshot's part for a page. */
function slug(path: string): string {
  return path === '/' ? 'home' : path.slice(1).replace(/:id/gu, 'case').replace(/\//gu, '-');
}

/** Where each role opens a case (the case page every role shares, under the role's own path); admins open none. */
const CASE_PATHS: Partial<Record<Role, string>> = {
  field_officer: '/my-cases/:id',
  bank_manager: '/queue/:id',
  supervisor: '/supervision/cases/:id',
};

/**
 * Every page each role's navigation offers, and the case page, at 390 × 844 in Chinese and in English and at
 * 1366 × 768 in Chinese, against the real API and worker: no raw i18n key or UUID shown, no serious or critical axe violation,
 * no sideways scrolling of the page on a phone; each one saved as a screenshot. Findings are gathered for the
 * whole role, so one run names every failing page.
 */
describe('every page of every role, on a phone and a desktop, in both languages', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;
  /** The case each role opens: one the lead bank claimed, and one that missed its claim deadline. */
  let claimed: { id: string; number: string };
  let escalated: { id: string; number: string };
  /** A partner officer of a tax bureau (a government department), who repairs declines. */
  let partner: { email: string; password: string };

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await Stack.create();
    const [launched] = await Promise.all([launchBrowser(), stack.startApi().then(() => stack.startWorker())]);
    browser = launched;
    world = await buildWebWorld(stack, {
      claim: 'PT3S',
      firstContact: 'PT1H',
      decision: 'PT1H',
      signing: 'PT1H',
      remindBefore: 'PT1S',
      levelTwoAfter: 'PT1H',
    });
    origin = `http://127.0.0.1:${stack.port}`;
    const taxBureauId = await stack.created('/organizations', world.admin, {
      kind: 'government_department',
      name: '郑州市税务局',
      regionCode: '410100',
    });
    partner = { email: `partner-${Math.random().toString(36).slice(2)}@web.test`, password: world.officer.password };
    await stack.created('/users', world.admin, {
      ...partner,
      name: '孙协同',
      role: 'partner_officer',
      organizationId: taxBureauId,
      regionCode: '410100',
    });
    escalated = await newCase('12500000.00');
    claimed = await newCase('800000.00');
    const claim = await stack.http('POST', `/cases/${claimed.id}/claim`, world.leadManager.token, {});
    expect(claim.status).toBe(200);
    // The missed claim reaches the supervisors' queue: the escalation pages have a row to show.
    await eventually(
      async () => {
        const queue = await stack.http<{ items: { caseId: string }[] }>('GET', '/escalations', world.supervisor.token);
        return queue.body.items.some((e) => e.caseId === escalated.id) ? true : undefined;
      },
      45_000,
      'the escalation of the missed claim',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A need diagnosed from an officer's visit, routed at once to the chain's lead bank. */
  async function newCase(requestedAmount: string): Promise<{ id: string; number: string }> {
    const visitId = await stack.created('/visits', world.officer.token, {
      campaignId: world.campaignId,
      enterpriseId: world.enterprise.id,
      kind: 'on_site_diagnosis',
      visitedOn: new Date().toISOString().slice(0, 10),
      summary: '企业订单增长，设备更新缺少中长期资金。',
    });
    const created = await stack.http<{ id: string; number: string }>('POST', '/cases', world.officer.token, {
      visitId,
      requestedAmount,
      purpose: 'equipment_upgrade',
      term: 'medium_long',
      bottlenecks: ['collateral_shortage', 'slow_approval'],
      note: '抵押物不足，需担保增信。',
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  function credentialsOf(role: Role): { email: string; password: string } {
    if (role === 'field_officer') return world.officer;
    if (role === 'bank_manager') return world.leadManager;
    if (role === 'supervisor') return world.supervisor;
    if (role === 'partner_officer') return partner;
    return ADMIN;
  }

  function caseOf(role: Role): string {
    return role === 'supervisor' ? escalated.id : claimed.id;
  }

  /** The page has loaded: no request in flight for half a second, and no "loading" line left. */
  async function settled(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    const loading = [zhCN['app.loading'], en['app.loading']];
    await eventually(
      async () => {
        const text = await page.evaluate<string>('document.body.innerText');
        return loading.some((line) => text.includes(line)) ? undefined : true;
      },
      15_000,
      `${page.url()} to finish loading`,
    );
  }

  /** What is wrong with the page now, one line each; empty when nothing is. */
  async function findingsOn(page: Page, name: string, phone: boolean, axe: boolean): Promise<string[]> {
    const findings: string[] = [];
    const raw = await rawTextOf(page);
    if (raw.length > 0) findings.push(`${name}: raw text ${JSON.stringify([...new Set(raw)])}`);
    for (const v of axe ? await seriousViolations(page) : []) {
      findings.push(
        `${name}: axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    }
    if (phone) {
      const [scrollWidth, innerWidth] = await page.evaluate<[number, number]>(
        '[document.documentElement.scrollWidth, window.innerWidth]',
      );
      if (scrollWidth > innerWidth + 1) findings.push(`${name}: ${scrollWidth} px wide in a ${innerWidth} px window`);
    }
    return findings;
  }

  const ROLES: readonly Role[] = ['field_officer', 'bank_manager', 'supervisor', 'admin', 'partner_officer'];

  it.each(ROLES)('%s: every page of the navigation and a case', async (role) => {
    const findings: string[] = [];
    const errors: string[] = [];
    // One sign-in per role, through the sign-in page; every other context starts with its session.
    let session: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
    let pages: { path: string; url: string }[] = [];
    let visited = 0;
    for (const viewport of VIEWPORTS) {
      // English on the phone only: its raw text is the same on a desktop, and only a phone is narrow enough for
      // its longer words to push a page sideways (the desktop's pass in English cost a quarter of the spec).
      for (const locale of viewport.name === 'phone' ? LOCALES : (['zh-CN'] as const)) {
        const context = await signedInContext(viewport.device, locale, role, session);
        const page = await context.newPage();
        if (session === undefined) {
          session = await context.storageState();
          pages = await pagesOf(page, role);
        }
        page.on('pageerror', (error) => errors.push(`${role} ${page.url()}: ${error.message}`));
        for (const { path, url } of pages) {
          await page.goto(`${origin}${url}`);
          await page.getByTestId('who').waitFor();
          await settled(page);
          expect(new URL(page.url()).pathname).toBe(url);
          const name = `every-${role}-${slug(path)}-${viewport.name}-${locale}`;
          // Raw text and width in both languages; axe and the screenshot (the suite's slowest steps) once per
          // viewport, in Chinese: what they find does not depend on the language.
          const chinese = locale === 'zh-CN';
          findings.push(...(await findingsOn(page, name, viewport.name === 'phone', chinese)));
          if (chinese) await screenshot(page, name);
          visited += 1;
        }
        await context.close();
      }
    }
    expect(visited).toBe(pages.length * (LOCALES.length + 1));
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });

  /** The pages the role's navigation offers (the layout builds it from the route table), and its case page. */
  async function pagesOf(page: Page, role: Role): Promise<{ path: string; url: string }[]> {
    await page.goto(`${origin}/`);
    const navigation = page.getByRole('navigation', { name: zhCN['nav.label'] });
    await navigation.getByRole('link').first().waitFor();
    const hrefs: string[] = [];
    for (const link of await navigation.getByRole('link').all()) hrefs.push(String(await link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(1);
    const casePath = CASE_PATHS[role];
    return [
      ...hrefs.map((path) => ({ path, url: path })),
      ...(casePath ? [{ path: casePath, url: casePath.replace(':id', caseOf(role)) }] : []),
    ];
  }

  async function signedInContext(
    device: (typeof VIEWPORTS)[number]['device'],
    locale: Locale,
    role: Role,
    session: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  ): Promise<BrowserContext> {
    if (session === undefined) {
      const context = await newContext(browser, device, locale);
      const page = await context.newPage();
      const { email, password } = credentialsOf(role);
      await signIn(page, origin, email, password);
      await page.close();
      return context;
    }
    const context = await browser.newContext({ ...device, locale, timezoneId: 'Asia/Shanghai', storageState: session });
    await context.addInitScript(`localStorage.setItem('unblock.locale', ${JSON.stringify(locale)})`);
    return context;
  }
});
