import type { Browser } from 'playwright-core';
import { ADMIN, Stack } from '../support/stack';
import { DESKTOP, launchBrowser, newContext, screenshot, seriousViolations, signIn } from './support/browser';
import { expectNoRawText } from './support/raw-text';
import { ensureWebBuild } from './support/web-build';

jest.setTimeout(120_000);

describe('the decline-reason catalogue in the console (拒绝原因), kept by an administrator', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await Stack.create();
    const [launched] = await Promise.all([launchBrowser(), stack.startApi()]);
    browser = launched;
    origin = `http://127.0.0.1:${stack.port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lists the shipped reasons with who repairs them, adds a repairable one and makes it not repairable', async () => {
    const context = await newContext(browser, DESKTOP, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, origin, ADMIN.email, ADMIN.password, '/manage/decline-reasons');
    await page.getByRole('heading', { level: 1, name: '拒绝原因' }).waitFor();
    const list = page.getByTestId('admin-list');
    await list.getByText('存在欠税').waitFor();
    await list.getByText('政府性融资担保机构').first().waitFor();
    await list.getByText('企业自身').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await expectNoRawText(page);

    const form = page.getByRole('form', { name: '新增拒绝原因' });
    await form.getByLabel('名称').fill('社保欠缴');
    await form.getByLabel('代码').fill('Social Insurance');
    await form.getByLabel('修复单位').selectOption({ label: '政府部门' });
    await form.getByRole('button', { name: '创建' }).click();
    await form.getByText('请使用以下划线连接的小写英文单词。').waitFor();
    await form.getByText('可修复的原因须写明修复路径。').waitFor();
    await form.getByLabel('代码').fill('social_insurance_arrears');
    await form.getByLabel('修复路径').fill('到社保经办机构补缴欠费后，银行可重新审查。');
    await form.getByRole('button', { name: '创建' }).click();
    await list.getByText('社保欠缴').waitFor();
    await list.getByText('到社保经办机构补缴欠费后，银行可重新审查。').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await expectNoRawText(page);
    await screenshot(page, 'decline-reasons-desktop');

    await list.getByRole('button', { name: '编辑社保欠缴' }).click();
    const edit = page.getByRole('form', { name: '编辑' });
    await edit.getByLabel('修复单位').selectOption({ label: '不可修复' });
    await edit.getByLabel('修复路径').fill('');
    await edit.getByRole('button', { name: /保存/u }).click();
    await list.locator('tr', { hasText: '社保欠缴' }).getByText('不可修复').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
