import type { Browser } from 'playwright-core';
import { Stack } from '../support/stack';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, signIn } from './support/browser';
import { expectReadable } from './support/web-stack';
import { ensureWebBuild } from './support/web-build';
import { buildWebWorld, type WebWorld } from './support/web-world';

jest.setTimeout(120_000);

describe('screening in the console: the 需求筛查 queue and the screening of a need on its case page', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;
  const needs: string[] = [];

  beforeAll(async () => {
    stack = await Stack.create();
    const [launched] = await Promise.all([launchBrowser(), ensureWebBuild().then(() => stack.startApi())]);
    browser = launched;
    world = await buildWebWorld(stack);
    origin = `http://127.0.0.1:${stack.port}`;
    const campaignId = await stack.created('/campaigns', world.admin, {
      name: '河南小微企业融资协调',
      kind: 'other',
      regionCode: '410000',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      screening: 'required',
    });
    for (const amount of ['3000000', '1200000']) {
      needs.push(
        await stack.created('/cases', world.officer.token, {
          source: 'phone',
          enterpriseId: world.enterprise.id,
          campaignId,
          requestedAmount: amount,
          purpose: 'working_capital',
          term: 'short',
          bottlenecks: ['collateral_shortage'],
        }),
      );
    }
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a supervisor recommends a need from the queue: it goes to the lead bank at once (desktop, Chinese)', async () => {
    const context = await newContext(browser, DESKTOP, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, origin, world.supervisor.email, world.supervisor.password, '/screening');
    const queue = page.getByTestId('screening-queue');
    await queue.waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('待筛查的需求');
    await expect(queue.locator('li').count()).resolves.toBe(2);
    await queue.getByText(world.enterprise.name).first().waitFor();
    await expect(queue.getByText('待筛查').count()).resolves.toBe(2);
    await expectReadable(page);
    await screenshot(page, 'screening-queue-desktop');

    await page.locator(`li[data-case-id="${needs[0]}"] a`).click();
    await page.getByRole('heading', { name: '需求筛查' }).waitFor();
    // Sent with no decision: the form says so.
    await page.getByRole('button', { name: '提交筛查结论' }).click();
    await page.getByText('请选择筛查结论').last().waitFor();
    // Recommending with a criterion unticked is refused before it is sent.
    await page.getByRole('radio', { name: '列入推荐清单' }).check();
    await page.getByRole('button', { name: '提交筛查结论' }).click();
    await page.getByText('列入推荐清单的需求须符合全部五项条件。').waitFor();
    for (const criterion of ['合规持续经营', '有固定经营场所', '有真实融资需求', '信用状况良好', '贷款用途依法合规']) {
      await page.getByRole('checkbox', { name: criterion, exact: true }).check();
    }
    await page.getByLabel('“信用状况良好”核实情况').fill('征信报告无不良记录');
    await expectReadable(page);
    await screenshot(page, 'screening-form-desktop');
    await page.getByRole('button', { name: '提交筛查结论' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('确认列入推荐清单？').waitFor();
    await screenshot(page, 'screening-confirm-desktop');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText('筛查结论已提交。').waitFor();
    const timeline = page.getByTestId('case-timeline');
    await timeline.getByText('已列入推荐清单').waitFor();
    await timeline.getByText('分派至郑州银行（主办行）').waitFor();
    await timeline.getByText('五项条件均符合').waitFor();
    await expectReadable(page);
    await screenshot(page, 'screening-recommended-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a supervisor screens a need out on a phone: the criteria not met are named before and after', async () => {
    const context = await newContext(browser, PHONE, 'zh-CN');
    const page = await context.newPage();
    await signIn(page, origin, world.supervisor.email, world.supervisor.password, `/supervision/cases/${needs[1]}`);
    await page.getByRole('heading', { name: '需求筛查' }).waitFor();
    for (const criterion of ['合规持续经营', '有固定经营场所', '有真实融资需求', '贷款用途依法合规']) {
      await page.getByRole('checkbox', { name: criterion, exact: true }).check();
    }
    await page.getByLabel('“信用状况良好”核实情况').fill('存在逾期记录');
    await page.getByRole('radio', { name: '不予推荐' }).check();
    await page.getByRole('button', { name: '提交筛查结论' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('确认不予推荐？').waitFor();
    await dialog.getByText(/未符合的条件：信用状况良好/u).waitFor();
    await expectReadable(page);
    await screenshot(page, 'screening-confirm-out-phone');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText('筛查结论已提交。').waitFor();
    const timeline = page.getByTestId('case-timeline');
    await timeline.getByText('未通过筛查').waitFor();
    await timeline.getByText('未符合的条件：信用状况良好').waitFor();
    await expect(page.getByRole('heading', { name: '需求筛查' }).count()).resolves.toBe(0);
    await expectReadable(page);
    await screenshot(page, 'screening-out-phone');

    // The queue is empty now, and says so.
    await page.goto(`${origin}/screening`);
    await page.getByText('您所辖地区暂无待筛查的需求。').waitFor();
    await context.close();
  });
});
