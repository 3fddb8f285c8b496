import type { Page } from 'playwright-core';
import { newContext, PHONE, screenshot, signIn } from './support/browser';
import { expectReadable, startWebStack, type WebStack } from './support/web-stack';
import { WEB_PASSWORD } from './support/web-world';

jest.setTimeout(180_000);

interface CaseBody {
  id: string;
  number: string;
  status: string;
  assignedBankId: string | null;
}

/**
 * The repair loop (二次诊断) in the console, on a phone in Chinese: the lead bank declines a claimed need for
 * 存在欠税 (repairable: it goes to a second diagnosis); a supervisor finds it on the 二次诊断 page and opens a
 * repair task for the tax bureau; the bureau's partner officer closes it as 已修复; the need is back at the bank.
 */
describe('the repair loop in the console: decline for 存在欠税, a task for the tax bureau, repaired, back at the bank', () => {
  let web: WebStack;
  let partner: { email: string; password: string };
  let need: CaseBody;

  beforeAll(async () => {
    web = await startWebStack();
    const { stack, world } = web;
    const taxBureauId = await stack.created('/organizations', world.admin, {
      kind: 'government_department',
      name: '郑州市税务局',
      regionCode: '410100',
    });
    partner = { email: `partner-${Math.random().toString(36).slice(2)}@web.test`, password: WEB_PASSWORD };
    await stack.created('/users', world.admin, {
      ...partner,
      name: '孙协同',
      role: 'partner_officer',
      organizationId: taxBureauId,
      regionCode: '410100',
    });
    const created = await stack.http<CaseBody>('POST', '/cases', world.officer.token, {
      source: 'phone',
      enterpriseId: world.enterprise.id,
      campaignId: world.campaignId,
      requestedAmount: '3000000',
      purpose: 'working_capital',
      term: 'short',
      bottlenecks: ['collateral_shortage'],
    });
    expect(created.status).toBe(201);
    need = created.body;
    expect((await stack.http('POST', `/cases/${need.id}/claim`, world.leadManager.token, {})).status).toBe(200);
  });

  afterAll(async () => {
    await web?.browser.close();
    await web?.stack.stop();
  });

  const caseNow = async (): Promise<CaseBody> =>
    (await web.stack.http<CaseBody>('GET', `/cases/${need.id}`, web.world.supervisor.token)).body;

  async function phonePage(): Promise<{ page: Page; errors: string[] }> {
    const context = await newContext(web.browser, PHONE, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  it('the bank declines for 存在欠税: marked repairable with its repair path, the need goes to a second diagnosis', async () => {
    const { page, errors } = await phonePage();
    await signIn(page, web.origin, web.world.leadManager.email, web.world.leadManager.password, `/queue/${need.id}`);
    await page.locator('summary', { hasText: '拒绝此需求' }).click();
    const reason = page.getByLabel('拒绝原因');
    await reason.selectOption({ label: '存在欠税（可修复：将转入二次诊断）' });
    await expect(page.getByTestId('decline-repair').textContent()).resolves.toContain('修复路径：');
    await expectReadable(page);
    await page.getByRole('button', { name: '拒绝', exact: true }).click();
    await page.getByText('此原因可以修复，需求将转入二次诊断').waitFor();
    await page.getByRole('button', { name: '确认拒绝' }).click();
    await page.getByText('已拒绝：原因可以修复，需求已转入二次诊断。').waitFor();
    await expect(caseNow()).resolves.toMatchObject({ status: 'repairing', assignedBankId: web.world.leadBankId });
    const timeline = page.getByTestId('case-timeline');
    await expect(timeline.textContent()).resolves.toContain('原因：存在欠税');
    await expect(timeline.textContent()).resolves.toContain('转入二次诊断');
    expect(errors).toEqual([]);
  });

  it('a supervisor finds it on the 二次诊断 page and opens a repair task for the tax bureau', async () => {
    const { page, errors } = await phonePage();
    await signIn(page, web.origin, web.world.supervisor.email, web.world.supervisor.password, '/supervision/repairs');
    const queue = page.getByTestId('repair-queue');
    await queue.waitFor();
    await expect(queue.textContent()).resolves.toContain('尚未提交修复任务');
    await expectReadable(page);
    await queue.getByRole('link', { name: '处理' }).click();
    const panel = page.getByTestId('case-repairs');
    await panel.waitFor();
    await panel.getByRole('combobox', { name: /修复单位/u }).selectOption({ label: '郑州市税务局' });
    await panel.getByLabel('给修复单位的说明').fill('请协助企业办理欠税分期缴纳，完成后告知。');
    await panel.getByRole('button', { name: '提交修复任务' }).click();
    await page.getByText('修复任务已提交。').waitFor();
    const task = panel.locator('li.repair-task');
    await expect(task.count()).resolves.toBe(1);
    const text = String(await task.textContent());
    expect(text).toContain('郑州市税务局');
    expect(text).toContain('修复中');
    expect(text).toContain('存在欠税');
    expect(text).toMatch(/还剩 \d+ 个工作日/u);
    expect(text).toContain('监管人员说明：请协助企业办理欠税分期缴纳');
    await expect(page.getByRole('button', { name: '转下一家银行' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('case-timeline').textContent()).resolves.toContain('提交修复任务');
    await expectReadable(page);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'repairs-case-panel-phone-zh-CN');
    expect(errors).toEqual([]);
  });

  it('the partner officer sees the task under 修复任务 and closes it as 已修复: the need is back at the bank', async () => {
    const { page, errors } = await phonePage();
    await signIn(page, web.origin, partner.email, partner.password, '/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '修复任务' }).click();
    const tasks = page.getByTestId('repair-tasks');
    await tasks.waitFor();
    const text = String(await tasks.textContent());
    expect(text).toContain(need.number);
    expect(text).toContain(web.world.enterprise.name);
    expect(text).toContain('存在欠税');
    expect(text).toContain('监管人员说明：请协助企业办理欠税分期缴纳');
    await expectReadable(page);
    await screenshot(page, 'repairs-partner-tasks-phone-zh-CN');
    // 无法修复 wants a note: nothing is sent without one.
    await tasks.getByLabel('无法修复').check();
    await tasks.getByRole('button', { name: '提交办理结果' }).click();
    await tasks.getByText('无法修复时请说明原因。').waitFor();
    await expect(caseNow()).resolves.toMatchObject({ status: 'repairing' });
    await tasks.getByLabel('已修复').check();
    await tasks.getByLabel('说明').fill('企业已与税务局签订分期缴纳协议。');
    await tasks.getByRole('button', { name: '提交办理结果' }).click();
    await page.getByText('已提交办理结果。').waitFor();
    await tasks.getByText('已修复', { exact: true }).first().waitFor();
    await expect(caseNow()).resolves.toMatchObject({ status: 'assigned', assignedBankId: web.world.leadBankId });
    await expectReadable(page);
    expect(errors).toEqual([]);
  });

  it('the bank reads on the case page that it was repaired and came back to it', async () => {
    const { page, errors } = await phonePage();
    await signIn(page, web.origin, web.world.leadManager.email, web.world.leadManager.password, `/queue/${need.id}`);
    const timeline = page.getByTestId('case-timeline');
    await timeline.waitFor();
    await expect(timeline.textContent()).resolves.toContain('修复完成，退回原银行');
    await expect(page.getByTestId('case-repairs').textContent()).resolves.toContain('已修复');
    await expectReadable(page);
    expect(errors).toEqual([]);
  });
});
