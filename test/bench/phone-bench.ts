import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { newUscc } from '../support/fixtures';
import { Stack } from '../support/stack';
import { launchBrowser, PHONE } from '../web/support/browser';
import { ensureWebBuild } from '../web/support/web-build';
import { buildWebWorld, WEB_PASSWORD, type WebWorld } from '../web/support/web-world';
import { median } from './harness';

/** Lighthouse's mobile profile ("Slow 4G" on a mid-range phone), applied over the DevTools protocol. */
export const PHONE_PROFILE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  /** 1.6 Mbps down and 750 kbps up, in bytes a second. */
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
} as const;

export interface PhoneFigure {
  readonly figure: string;
  /** Each round's value, in `unit`. */
  readonly values: readonly number[];
  readonly median: number;
  readonly unit: 'ms' | 'kB';
  /** The web-vitals (or the issue's) threshold, in `unit`. */
  readonly threshold: number;
  /** median ÷ threshold: at most 1 meets it. */
  readonly ratio: number;
  readonly note: string;
}

export interface PhoneSize {
  readonly rounds: number;
  /** The cases in the bank manager's queue. */
  readonly cases: number;
  readonly enterprises: number;
}

export const PHONE_SIZES: Record<'tiny' | 'full', PhoneSize> = {
  tiny: { rounds: 1, cases: 20, enterprises: 5 },
  full: { rounds: 5, cases: 200, enterprises: 20 },
};

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A context holding a signed-in session (as the console keeps it, in localStorage) and nothing in its cache. */
async function signedInState(stack: Stack, origin: string, email: string): Promise<StorageState> {
  const answer = await stack.http<Record<string, unknown>>('POST', '/auth/login', undefined, {
    email,
    password: WEB_PASSWORD,
  });
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status}`);
  return {
    cookies: [],
    origins: [
      {
        origin,
        localStorage: [
          { name: 'unblock.session', value: JSON.stringify(answer.body) },
          { name: 'unblock.locale', value: 'zh-CN' },
        ],
      },
    ],
  };
}

/** A page on the phone profile: 390 × 844, 4× slower CPU, 150 ms round trips, 1.6 Mbps down, 750 kbps up. */
async function throttledPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE_PROFILE.latencyMs,
    downloadThroughput: PHONE_PROFILE.downloadBytesPerSecond,
    uploadThroughput: PHONE_PROFILE.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_PROFILE.cpuSlowdown });
  return { page, cdp };
}

/** The page's Largest Contentful Paint so far, in ms from the navigation's start. */
async function largestContentfulPaint(page: Page): Promise<number> {
  return page.evaluate<number>(`
    new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1].startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    })
  `);
}

/** The visit form is on screen and every request it made has answered. */
async function visitFormShown(page: Page): Promise<void> {
  await page.locator('main form').first().waitFor();
  await page.waitForLoadState('networkidle');
}

interface VisitFormRound {
  coldLcp: number;
  warmLcp: number;
  scriptBytes: number;
  encodings: string[];
}

/**
 * One round of the field officer's visit form: a fresh context (empty cache) loads it cold, counting the
 * scripts' bytes on the wire; a second page of the same context loads it warm, from the primed cache.
 */
async function visitFormRound(browser: Browser, origin: string, state: StorageState): Promise<VisitFormRound> {
  const context = await browser.newContext({
    ...PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    storageState: state,
  });
  try {
    const cold = await throttledPage(context);
    const scripts: Promise<{ bytes: number; encoding: string }>[] = [];
    cold.page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      scripts.push(
        Promise.all([request.sizes(), request.response()]).then(async ([sizes, response]) => ({
          bytes: sizes.responseBodySize,
          encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
        })),
      );
    });
    await cold.page.goto(`${origin}/visits/new`);
    await visitFormShown(cold.page);
    const coldLcp = await largestContentfulPaint(cold.page);
    const loaded = await Promise.all(scripts);
    await cold.page.close();

    const warm = await throttledPage(context);
    await warm.page.goto(`${origin}/visits/new`);
    await visitFormShown(warm.page);
    const warmLcp = await largestContentfulPaint(warm.page);
    return {
      coldLcp,
      warmLcp,
      scriptBytes: loaded.reduce((sum, s) => sum + s.bytes, 0),
      encodings: [...new Set(loaded.map((s) => s.encoding))],
    };
  } finally {
    await context.close();
  }
}

/**
 * The bank manager's queue, from the navigation's start until its rows are on screen with their enterprises'
 * names and the first row's link takes a click (Playwright's actionability checks: visible, stable, enabled,
 * not covered), read on the page's own clock once the main thread is free to answer.
 */
async function queueInteractive(page: Page, origin: string): Promise<{ ms: number; rows: number }> {
  const firstPage = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/cases' && r.status() === 200);
  await page.goto(`${origin}/queue`);
  const answer = (await (await firstPage).json()) as { items: unknown[] };
  const rows = answer.items.length;
  // Polled on each frame by a promise in the page (waitForFunction would eval, which the console's CSP forbids).
  await page.evaluate(`
    new Promise((resolve) => {
      const ready = () => {
        const items = document.querySelectorAll('[data-testid="queue"] li');
        return items.length === ${rows} &&
          Array.from(items).every((li) => {
            const link = li.querySelector('a');
            const number = link && link.querySelector('strong');
            return link && number && link.textContent.trim().length > number.textContent.trim().length;
          });
      };
      const check = () => (ready() ? resolve(true) : requestAnimationFrame(check));
      check();
    })
  `);
  await page.locator('[data-testid="queue"] li a').first().click({ trial: true });
  return { ms: await page.evaluate<number>('performance.now()'), rows };
}

/** A cold queue (fresh context) and a warm one (a second page in it). */
async function queueRound(
  browser: Browser,
  origin: string,
  state: StorageState,
): Promise<{ cold: number; warm: number; rows: number }> {
  const context = await browser.newContext({
    ...PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    storageState: state,
  });
  try {
    const cold = await throttledPage(context);
    const first = await queueInteractive(cold.page, origin);
    await cold.page.close();
    const warm = await throttledPage(context);
    const second = await queueInteractive(warm.page, origin);
    return { cold: first.ms, warm: second.ms, rows: first.rows };
  } finally {
    await context.close();
  }
}

/** `cases` needs of `enterprises` enterprises of the world's chain, each routed at once to its lead bank. */
async function seedQueue(stack: Stack, world: WebWorld, size: PhoneSize): Promise<void> {
  const enterprises = [world.enterprise.id];
  for (let i = 1; i < size.enterprises; i += 1) {
    enterprises.push(
      await stack.created('/enterprises', world.admin, {
        uscc: newUscc('410100'),
        name: `郑州第${i}精密制造有限公司`,
        regionCode: '410100',
        chainId: world.chainId,
        chainRole: i % 3 === 0 ? 'upstream' : 'member',
        size: i % 2 === 0 ? 'small' : 'medium',
      }),
    );
  }
  let next = 0;
  const today = new Date().toISOString().slice(0, 10);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < size.cases; i = next++) {
        const visitId = await stack.created('/visits', world.officer.token, {
          campaignId: world.campaignId,
          enterpriseId: enterprises[i % enterprises.length],
          kind: 'on_site_diagnosis',
          visitedOn: today,
        });
        await stack.created('/cases', world.officer.token, {
          visitId,
          requestedAmount: `${(i + 1) * 100_000}.00`,
          purpose: 'equipment_upgrade',
          term: i % 2 === 0 ? 'medium_long' : 'short',
          bottlenecks: ['collateral_shortage'],
        });
      }
    }),
  );
}

function figure(
  name: string,
  values: number[],
  unit: PhoneFigure['unit'],
  threshold: number,
  note: string,
): PhoneFigure {
  const mid = median(values);
  return {
    figure: name,
    values: values.map((v) => Math.round(v * 10) / 10),
    median: Math.round(mid * 10) / 10,
    unit,
    threshold,
    ratio: Math.round((mid / threshold) * 1000) / 1000,
    note,
  };
}

/**
 * Speed on a phone: the console built and served by the API (`vite build`, precompressed assets), Chromium on
 * Lighthouse's mobile profile. Each round opens fresh contexts; each figure is the median of the rounds.
 */
export async function phoneBenchmarks(
  size: PhoneSize,
  log: (line: string) => void = () => undefined,
): Promise<PhoneFigure[]> {
  await ensureWebBuild();
  const stack = await Stack.create({ LOG_LEVEL: 'warn' });
  let browser: Browser | undefined;
  try {
    [browser] = await Promise.all([launchBrowser(), stack.startApi()]);
    const origin = `http://127.0.0.1:${stack.port}`;
    const world = await buildWebWorld(stack);
    log(`seeding ${size.cases} cases of ${size.enterprises} enterprises at one bank`);
    await seedQueue(stack, world, size);
    const officer = await signedInState(stack, origin, world.officer.email);
    const manager = await signedInState(stack, origin, world.leadManager.email);

    const forms: VisitFormRound[] = [];
    const queues: { cold: number; warm: number; rows: number }[] = [];
    for (let round = 0; round < size.rounds; round += 1) {
      forms.push(await visitFormRound(browser, origin, officer));
      queues.push(await queueRound(browser, origin, manager));
      log(
        `round ${round + 1}: visit form LCP ${Math.round(forms[round]?.coldLcp ?? 0)} ms cold, ` +
          `${Math.round(forms[round]?.warmLcp ?? 0)} ms warm; queue ${Math.round(queues[round]?.cold ?? 0)} ms cold`,
      );
    }
    const encodings = [...new Set(forms.flatMap((f) => f.encodings))].join(', ');
    const rows = queues[0]?.rows ?? 0;
    return [
      figure(
        'visit form, LCP cold',
        forms.map((f) => f.coldLcp),
        'ms',
        2500,
        'fresh context, empty cache',
      ),
      figure(
        'visit form, LCP warm',
        forms.map((f) => f.warmLcp),
        'ms',
        1000,
        'second load, cache primed',
      ),
      figure(
        'initial JavaScript on the wire',
        forms.map((f) => f.scriptBytes / 1000),
        'kB',
        120,
        `scripts of the cold load, encoded (${encodings})`,
      ),
      figure(
        `queue of ${size.cases} cases interactive, cold`,
        queues.map((q) => q.cold),
        'ms',
        3000,
        `first page: ${rows} rows with names, first row clickable`,
      ),
      figure(
        `queue of ${size.cases} cases interactive, warm`,
        queues.map((q) => q.warm),
        'ms',
        3000,
        'second load',
      ),
    ];
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

/** The figures beside their thresholds, as a Markdown table. */
export function phoneTable(figures: readonly PhoneFigure[], machine: string): string {
  const number = (v: number, unit: string): string => (unit === 'kB' ? `${v.toFixed(1)} kB` : `${Math.round(v)} ms`);
  return [
    `Machine: ${machine}; Chromium on Lighthouse's mobile profile (390 × 844, ${PHONE_PROFILE.cpuSlowdown}× CPU ` +
      `slowdown, ${PHONE_PROFILE.latencyMs} ms RTT, 1.6 Mbps down, 750 kbps up)`,
    '',
    '| figure | measured (median) | rounds | threshold | measured ÷ threshold | met | how |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.figure} | **${number(f.median, f.unit)}** | ${f.values.map((v) => number(v, f.unit)).join(', ')} | ` +
        `≤ ${number(f.threshold, f.unit)} | ${f.ratio.toFixed(3)} | ${f.ratio <= 1 ? 'yes' : 'no'} | ${f.note} |`,
    ),
  ].join('\n');
}
