import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { runEntryPoint } from '../support/processes';
import { eventually, Stack } from '../support/stack';
import { launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { expectNoRawText } from './support/raw-text';
import { ensureWebBuild } from './support/web-build';

jest.setTimeout(300_000);

const PASSWORD = 'unblock-demo-2026';
/** The desktop the issue names: 1366 × 768. */
const LAPTOP = { viewport: { width: 1366, height: 768 } };
const DEVICES = [
  ['phone', PHONE],
  ['desktop', LAPTOP],
] as const;
const LOCALES = ['zh-CN', 'en'] as const;

const WORDS = {
  'zh-CN': {
    title: '专项行动看板',
    funnel: ['走访企业', '需求', '对接', '授信', '放款'],
    bank: '银行',
    claims: '认领数',
    escalations: '督办队列',
  },
  en: {
    title: 'Campaign dashboard',
    funnel: ['Enterprises visited', 'Needs', 'Matched', 'Credit approved', 'Loan signed'],
    bank: 'Bank',
    claims: 'Claims',
    escalations: 'Escalation queue',
  },
} as const;

interface BankRow {
  bankId: string;
  bankName: string;
  claims: number;
}

/**
 * The supervisor's dashboard of the demo city (12 banks, a few hundred visits), seeded by `seed-demo` and served
 * by the real API and worker: a funnel of counts with the amounts apart, every bank named, tables that fit a
 * laptop and sort by a click, on a phone and a laptop, in Chinese and in English.
 */
describe('the dashboard of the demo city', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;
  let banks: BankRow[];

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await Stack.create();
    const migrated = await runEntryPoint('apps/cli/src/main.ts', stack.env, ['migrate']);
    expect(migrated.code).toBe(0);
    const seeded = await runEntryPoint('apps/cli/src/main.ts', stack.env, ['seed-demo']);
    expect(seeded.stdout).toContain('demo seeded');
    const [launched] = await Promise.all([launchBrowser(), stack.startApi().then(() => stack.startWorker())]);
    browser = launched;
    origin = `http://127.0.0.1:${stack.port}`;
    const token = await stack.login('supervisor@demo.unblock', PASSWORD);
    banks = (await stack.http<BankRow[]>('GET', '/reports/banks', token)).body;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** The bank names of the table's rows, top to bottom. */
  async function bankOrder(page: Page): Promise<string[]> {
    return page.getByTestId('banks-table').locator('tbody th').allInnerTexts();
  }

  it('has the twelve banks of the demo to show', () => {
    expect(banks).toHaveLength(12);
  });

  it('opens the morning’s bulletin from the inbox on a phone, and downloads it as Excel and PDF', async () => {
    // The worker writes yesterday's bulletins as it starts; the inbox announces the supervisor's.
    const token = await stack.login('supervisor@demo.unblock', PASSWORD);
    const written = await eventually(
      async () => {
        const list = await stack.http<{ items: { id: string; regionName: string; day: string }[] }>(
          'GET',
          '/bulletins',
          token,
        );
        return list.body.items[0];
      },
      60_000,
      'the bulletin the worker writes at its start',
    );
    const context = await newContext(browser, PHONE, 'zh-CN');
    const page = await context.newPage();
    try {
      await signIn(page, origin, 'supervisor@demo.unblock', PASSWORD, '/inbox');
      const notice = page.getByRole('link', { name: '查看日通报' }).first();
      await notice.waitFor();
      await notice.click();
      await page.waitForURL(`${origin}/bulletins/${written.id}`);
      const [year, month, day] = written.day.split('-').map(Number);
      await page
        .getByRole('heading', { level: 1, name: `${written.regionName}日通报（${year}年${month}月${day}日）` })
        .waitFor();
      const main = page.locator('main');
      for (const section of ['逾期和督办需求', '落后单位', '地区排名', '银行排名']) {
        await main.getByRole('heading', { level: 2, name: section }).waitFor();
      }
      // Each league is named by its indicator and ranks by name, never by code.
      await main.getByRole('heading', { level: 3, name: '走访次数' }).first().waitFor();
      // Each league folds to its first and last on the phone; a tap opens its table.
      expect(await main.locator('details[open]').count()).toBe(0);
      const visits = main
        .locator('details')
        .filter({ has: page.getByRole('heading', { level: 3, name: '走访次数' }) })
        .first();
      expect(await visits.locator('summary').innerText()).toMatch(
        /^走访次数\s*(第一：.+（\d+），末位：.+（\d+）|全部并列（\d+）|暂无数据)$/u,
      );
      await expect(visits.locator('table').isVisible()).resolves.toBe(false);
      await visits.locator('summary').click();
      await visits.locator('table tbody tr').first().waitFor();
      const text = await main.innerText();
      expect(text).toMatch(/发布于 \d{4}年\d{1,2}月\d{1,2}日/u);
      expect(text).not.toMatch(/claims_on_time|credited_rate|signed_amount/u);
      await expectNoRawText(page);
      expect(await seriousViolations(page)).toEqual([]);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'bulletin-phone-zh-CN');

      const file = `日通报-${written.regionName}-${written.day}`;
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载 Excel' }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toBe(`${file}.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(String(await xlsx.path()));
      const cells = book.worksheets.flatMap((sheet) => {
        const values: string[] = [];
        sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.text)));
        return values;
      });
      expect(cells).toEqual(expect.arrayContaining(['地区排名', '银行排名', '落后单位']));

      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载 PDF' }).click(),
      ]);
      expect(pdf.suggestedFilename()).toBe(`${file}.pdf`);
      const bytes = readFileSync(String(await pdf.path()));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The Chinese is set in the CJK font, embedded as a subset.
      expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans/u);
    } finally {
      await context.close();
    }
  });

  for (const [device, viewport] of DEVICES) {
    for (const locale of LOCALES) {
      it(`reads on a ${device} in ${locale}`, async () => {
        const words = WORDS[locale];
        const context = await newContext(browser, viewport, locale);
        const page = await context.newPage();
        try {
          await signIn(page, origin, 'supervisor@demo.unblock', PASSWORD, '/dashboard');
          await page.getByRole('heading', { level: 1, name: words.title }).waitFor();
          await page.getByTestId('bank-chart').locator('svg').waitFor();
          await page.getByTestId('funnel-chart').locator('svg').waitFor();

          // The funnel counts, in one unit of reading; the amounts stand apart, in 万元/亿元 in Chinese.
          const funnel = String(await page.getByTestId('funnel-chart').getAttribute('aria-label'));
          for (const step of words.funnel) expect(funnel).toContain(step);
          expect(funnel).not.toMatch(/元|¥/u);
          const funnelText = String(await page.getByTestId('funnel-chart').locator('svg').textContent());
          for (const step of words.funnel) expect(funnelText).toContain(step);
          const amounts = await page.getByTestId('amount-figures').innerText();
          expect(amounts).toMatch(locale === 'zh-CN' ? /(万元|亿元)/u : /¥[\d,]+\.\d\d/u);
          const body = await page.locator('main').innerText();
          expect(body).not.toMatch(/\b0\.00元/u);

          // Beside the funnel: the declines by reason, by name (the catalogue's in Chinese), never a code.
          const declines = await page.getByTestId('declines-by-reason').innerText();
          if (locale === 'zh-CN') expect(declines).toMatch(/[\u4e00-\u9fff]+：\d+/u);
          expect(declines).not.toMatch(/[a-z]+_[a-z_]+/u);
          // The funnel of each county of the city.
          const regionRows = await page.getByTestId('regions-table').locator('tbody th').allInnerTexts();
          expect(regionRows.length).toBeGreaterThan(1);

          // The loan balances the demo's banks reported: by chain role first, with amounts, growth and shares, and
          // the months as a chart.
          const balances = page.getByTestId('balances');
          await balances.locator('table').waitFor();
          const balanceText = await balances.innerText();
          expect(balanceText).toMatch(locale === 'zh-CN' ? /链主企业[\s\S]*(万元|亿元)/u : /Chain leaders[\s\S]*¥/u);
          expect(balanceText).toMatch(/\d+\.\d\d%/u);
          await page.getByTestId('balances-chart').locator('svg').waitFor();

          // Every bank is named on the chart and in the table.
          const chartText = String(await page.getByTestId('bank-chart').locator('svg').textContent()).replace(
            /\s/gu,
            '',
          );
          const tableText = await page.getByTestId('banks-table').innerText();
          for (const bank of banks) {
            expect(chartText).toContain(bank.bankName);
            expect(tableText).toContain(bank.bankName);
          }

          // Sorting: by name, then the other way round, then by claims (largest first).
          const table = page.getByTestId('banks-table');
          const before = await bankOrder(page);
          const bankHeader = table.locator('thead th').filter({ hasText: words.bank }).first();
          await bankHeader.getByRole('button').click();
          await expect(bankHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
          const byName = await bankOrder(page);
          expect(byName).toEqual([...before].sort(new Intl.Collator(locale, { numeric: true }).compare));
          await bankHeader.getByRole('button').click();
          await expect(bankHeader.getAttribute('aria-sort')).resolves.toBe('descending');
          expect(await bankOrder(page)).toEqual([...byName].reverse());
          const claimsHeader = table.locator('thead th').filter({ hasText: words.claims }).first();
          await claimsHeader.getByRole('button').click();
          await expect(claimsHeader.getAttribute('aria-sort')).resolves.toBe('descending');
          await expect(bankHeader.getAttribute('aria-sort')).resolves.toBe('none');
          const claims = (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).map(Number);
          expect(claims).toEqual([...claims].sort((a, b) => b - a));
          expect(claims).toEqual(
            banks
              .map((b) => b.claims)
              .slice()
              .sort((a, b) => b - a),
          );

          await screenshot(page, `dash-${device}-${locale}`);
          // Nothing is wider than the screen; on a laptop no table is clipped either, on a phone they scroll
          // inside their frame.
          const overflow = await page.evaluate<number>(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          );
          expect(overflow).toBeLessThanOrEqual(0);
          const frames = await page.evaluate<{ scroll: number; client: number; overflowX: string }[]>(`
            Array.from(document.querySelectorAll('.table-wrap')).map((el) => ({
              scroll: el.scrollWidth, client: el.clientWidth, overflowX: getComputedStyle(el).overflowX,
            }))
          `);
          // By region, by chain, by bank, the enterprises' word by bank and by chain, the signed loans by kind, the
          // loan balances, and the league table.
          expect(frames).toHaveLength(8);
          // A sortable header wraps on a laptop; on a phone it keeps to one line (the table scrolls sideways).
          const headerWrap = await page.evaluate<string[]>(
            `Array.from(document.querySelectorAll('thead th[aria-sort]')).map((th) => getComputedStyle(th).whiteSpace)`,
          );
          expect(new Set(headerWrap)).toEqual(new Set([device === 'phone' ? 'nowrap' : 'normal']));
          for (const frame of frames) {
            expect(frame.overflowX).toBe('auto');
            if (device === 'desktop') expect(frame.scroll).toBeLessThanOrEqual(frame.client);
          }
          if (device === 'desktop') {
            // The page uses the width: the tables span most of the screen rather than a narrow column.
            const width = await page.evaluate<number>(
              `document.querySelector('[data-testid="banks-table"]').clientWidth`,
            );
            expect(width).toBeGreaterThan(1366 * 0.7);
          }

          await expectNoRawText(page);
          expect(await seriousViolations(page)).toEqual([]);

          // The escalation queue says how overdue in words, never in seconds.
          await page.goto(`${origin}/escalations`);
          await page.getByRole('heading', { level: 1, name: words.escalations }).waitFor();
          await eventually(
            async () => ((await page.getByTestId('escalations').locator('tbody tr').count()) >= 1 ? true : undefined),
            60_000,
            'the open escalations on the page',
          );
          const queue = await page.getByTestId('escalations').innerText();
          expect(queue).toMatch(locale === 'zh-CN' ? /[一二]级督办/u : /Level [12] escalation/u);
          expect(queue).not.toMatch(/\d+\s*秒|\d{2}:\d{2}:\d{2}|\b\d+s\b/u);
          await expectNoRawText(page);
          await screenshot(page, `dash-escalations-${device}-${locale}`);
        } finally {
          await context.close();
        }
      });
    }
  }
});
