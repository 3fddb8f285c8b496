import type { Browser } from 'playwright-core';
import type { Stack } from '../support/stack';
import { DESKTOP, newContext, PHONE, screenshot, signIn } from './support/browser';
import type { WebWorld } from './support/web-world';
import { expectReadable, startWebStack } from './support/web-stack';

jest.setTimeout(120_000);

describe('the enterprise’s own page: a link made on its record, then publish, confirm contact and rate at 390 × 844', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    ({ stack, browser, world, origin } = await startWebStack());
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function act(token: string, caseId: string, action: string, body: object = {}): Promise<void> {
    const answer = await stack.http('POST', `/cases/${caseId}/${action}`, token, body);
    if (answer.status !== 200) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  it('an officer makes the link on the enterprise’s record; the enterprise publishes, confirms and rates in Chinese', async () => {
    // The officer makes the link and shows its QR code.
    const desk = await newContext(browser, DESKTOP, 'zh-CN');
    const officerPage = await desk.newPage();
    await signIn(
      officerPage,
      origin,
      world.officer.email,
      world.officer.password,
      `/enterprises/${world.enterprise.id}/link`,
    );
    await officerPage.getByRole('heading', { name: `企业专属链接：${world.enterprise.name}` }).waitFor();
    await officerPage.getByText('当前没有有效链接。').waitFor();
    await officerPage.getByRole('button', { name: '生成链接' }).click();
    await officerPage.getByRole('img', { name: '企业专属页面二维码' }).waitFor();
    await officerPage.getByRole('button', { name: '生成新链接（旧链接随即失效）' }).waitFor();
    await officerPage.getByRole('button', { name: '停用链接' }).waitFor();
    await expectReadable(officerPage);
    await screenshot(officerPage, 'portal-link-panel');
    const url = await officerPage.locator('[data-testid="enterprise-link"] a[href*="/e/"]').getAttribute('href');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/e\/[A-Za-z0-9_-]{43}$/u);

    // The enterprise opens it on its phone, with no account.
    const phone = await newContext(browser, PHONE, 'zh-CN');
    const page = await phone.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(String(url));
    await page.getByRole('heading', { name: '我的融资需求', level: 1 }).waitFor();
    await page.getByText(`企业：${world.enterprise.name}（郑州市）`).waitFor();
    await page.getByText('您还没有发布需求。').waitFor();
    await expectReadable(page);
    await screenshot(page, 'portal-empty');

    await page.getByLabel('需求金额（元）').fill('6000000');
    await page.getByLabel('资金用途').selectOption({ label: '设备更新' });
    await page.getByLabel('短期（一年以内）').check();
    await page.getByLabel('抵押物不足').check();
    await page.getByRole('button', { name: '发布需求' }).click();
    await page.getByText(/需求 C-\d{4}-\d{6} 已发布，已推送给银行。/u).waitFor();
    const need = page.getByTestId('portal-need');
    await expect(need.getByTestId('portal-status').textContent()).resolves.toBe('已推送给银行，等待银行受理');
    await need.getByText('郑州银行').waitFor();
    await need.getByText(/剩余/u).waitFor();
    await expectReadable(page);
    await screenshot(page, 'portal-published');

    // The lead bank claims it and records the contact; the enterprise confirms it.
    const cases = await stack.http<{ items: { id: string; source: string }[] }>('GET', '/cases', world.officer.token);
    const caseId = String(cases.body.items.find((c) => c.source === 'enterprise')?.id);
    await act(world.leadManager.token, caseId, 'claim');
    await act(world.leadManager.token, caseId, 'milestones', { type: 'contacted' });
    await page.reload();
    await page.getByText('银行是否已与您联系？').waitFor();
    await expect(need.getByTestId('portal-status').textContent()).resolves.toBe('银行已受理，正在与您对接');
    await expectReadable(page);
    await page.getByRole('button', { name: '是，银行已联系我们' }).click();
    await page.getByText('您已确认银行与您联系。').waitFor();
    await expect(page.getByText('银行是否已与您联系？').count()).resolves.toBe(0);

    // The loan is signed: the enterprise rates the service, once.
    await act(world.leadManager.token, caseId, 'approve');
    await act(world.leadManager.token, caseId, 'loans', {
      contracts: [
        { amount: '6000000.00', annualRatePct: '3.45', termMonths: 12, signedOn: '2026-06-01', contractNo: 'ZZ-P-1' },
      ],
    });
    await page.reload();
    await expect(need.getByTestId('portal-status').textContent()).resolves.toBe('已签约放款');
    await page.getByRole('group', { name: /评分/u }).waitFor();
    await expectReadable(page);
    await screenshot(page, 'portal-rate');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('必填。').waitFor();
    await page.getByLabel('5 分').check();
    await page.getByLabel('意见建议（选填）').fill('银行响应及时，放款快');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('您的评分：5 分').waitFor();
    await page.getByText('您的意见：银行响应及时，放款快').waitFor();
    await expect(page.getByRole('button', { name: '提交评价' }).count()).resolves.toBe(0);
    await expectReadable(page);
    await screenshot(page, 'portal-rated');

    // English on the same page.
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Our financing needs', level: 1 }).waitFor();
    await page.getByText('The loan was signed').waitFor();
    expect(errors).toEqual([]);

    // The case page shows the enterprise's word on the timeline.
    await officerPage.goto(`${origin}/my-cases/${caseId}`);
    await officerPage.getByText('企业已确认：银行已联系').waitFor();
    await officerPage.getByText('企业评价服务').waitFor();
    await officerPage.getByText('评分：5 分').waitFor();
    await expectReadable(officerPage);
    await desk.close();
    await phone.close();
  });

  it('a revoked link shows plainly that it no longer works', async () => {
    const made = await stack.http<{ id: string; url: string }>(
      'POST',
      `/enterprises/${world.enterprise.id}/links`,
      world.supervisor.token,
      {},
    );
    await stack.http('DELETE', `/enterprises/${world.enterprise.id}/links/${made.body.id}`, world.supervisor.token);
    const phone = await newContext(browser, PHONE, 'zh-CN');
    const page = await phone.newPage();
    await page.goto(made.body.url);
    await page.getByText('本链接已失效（已过期或已更换）。请联系提供链接的工作人员重新获取。').waitFor();
    await expectReadable(page);
    await screenshot(page, 'portal-invalid-link');
    await phone.close();
  });
});
