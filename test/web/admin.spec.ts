import type { Browser, Page } from 'playwright-core';
import { newUscc } from '../support/fixtures';
import { ADMIN, Stack } from '../support/stack';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { ensureWebBuild } from './support/web-build';

jest.setTimeout(180_000);

/** An administrator keeps the reference data, against the real API and worker (which runs the imports). */
describe('the console of an administrator, against the real API and worker', () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    // Build first: the API reads index.html when it starts, so a build during its start would leave it
    // naming assets that are gone.
    await ensureWebBuild();
    stack = await Stack.create();
    const [launched] = await Promise.all([launchBrowser(), stack.startApi().then(() => stack.startWorker())]);
    browser = launched;
    origin = `http://127.0.0.1:${stack.port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('creates a region, a bank and a manager, and imports enterprises with a rejected row', async () => {
    const context = await newContext(browser, DESKTOP, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, origin, ADMIN.email, ADMIN.password, '/manage/regions');
    const nav = page.getByRole('navigation');

    // A region: a wrong code is refused before it is sent.
    await page.getByRole('heading', { level: 1, name: '地区' }).waitFor();
    const region = page.getByRole('form', { name: '新增地区' });
    await region.getByLabel('代码').fill('4100');
    await region.getByLabel('名称').fill('河南省');
    await region.getByRole('button', { name: '创建' }).click();
    await region.getByText('请输入六位数字，如 410100。').waitFor();
    await region.getByLabel('代码').fill('410000');
    await region.getByRole('button', { name: '创建' }).click();
    await page.getByText('已创建。').waitFor();
    await page.getByTestId('admin-list').getByText('河南省').waitFor();
    await expectAccessible(page);

    // A bank in that region.
    await nav.getByRole('link', { name: '机构' }).click();
    const organization = page.getByRole('form', { name: '新增机构' });
    await organization.getByLabel('类型').selectOption('bank');
    await organization.getByLabel('名称').fill('河南农商银行');
    await organization.getByLabel('地区').selectOption('410000');
    await organization.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('admin-list').getByText('河南农商银行').waitFor();

    // Its manager, who can then sign in.
    await nav.getByRole('link', { name: '用户' }).click();
    const user = page.getByRole('form', { name: '新增用户' });
    const email = `manager-${Date.now()}@admin.test`;
    await user.getByLabel('邮箱').fill(email);
    await user.getByLabel('名称').fill('周经理');
    await user.getByLabel('密码').fill('manager-password');
    await user.getByLabel('角色').selectOption('bank_manager');
    await user.getByLabel('所属机构').selectOption({ label: '河南农商银行' });
    await user.getByLabel('地区').selectOption('410000');
    await user.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('admin-list').getByText(email).waitFor();
    await expectAccessible(page);
    await expect(stack.login(email, 'manager-password')).resolves.toEqual(expect.any(String));

    // A calendar with the National Day holidays and a make-up workday.
    await nav.getByRole('link', { name: '工作日历' }).click();
    const calendar = page.getByRole('form', { name: '新增工作日历' });
    await calendar.getByLabel('名称').fill('2026 国庆');
    await calendar.getByLabel('节假日').fill('2026-10-01, 2026-10-02');
    await calendar.getByLabel('调休上班日').fill('2026-10-01');
    await calendar.getByRole('button', { name: '创建' }).click();
    await calendar.getByText('同一天不能既是节假日又是上班日。').waitFor();
    await calendar.getByLabel('调休上班日').fill('2026-09-27');
    await calendar.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('admin-list').getByText('2026 国庆').waitFor();

    // A seconds-scale SLA policy for a drill, and a campaign that uses it.
    await nav.getByRole('link', { name: '时限规则' }).click();
    const policy = page.getByRole('form', { name: '新增时限规则' });
    await policy.getByLabel('名称').fill('演练规则');
    await policy.getByLabel('工作日历').selectOption({ index: 1 });
    await policy.getByLabel('认领时限').fill('3天');
    await policy.getByRole('button', { name: '创建' }).click();
    await policy.getByText('请输入时长，如 P3D、PT2H 或 PT30S。').waitFor();
    await policy.getByLabel('认领时限').fill('PT30S');
    await policy.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('admin-list').getByText('PT30S').waitFor();
    await nav.getByRole('link', { name: '专项行动' }).click();
    const campaign = page.getByRole('form', { name: '新增专项行动' });
    await campaign.getByLabel('名称').fill('演练活动');
    await campaign.getByLabel('类型').selectOption('diagnose_unblock');
    await campaign.getByLabel('地区').selectOption('410000');
    await campaign.getByLabel('开始日期').fill('2026-01-01');
    await campaign.getByLabel('结束日期').fill('2026-12-31');
    await campaign.getByLabel('时限规则').selectOption({ label: '演练规则' });
    await campaign.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('admin-list').getByText('演练活动').waitFor();
    await expectAccessible(page);

    // One enterprise by hand.
    await nav.getByRole('link', { name: '企业', exact: true }).click();
    const enterprise = page.getByRole('form', { name: '新增企业' });
    const handMade = newUscc('410000');
    await enterprise.getByLabel('统一社会信用代码').fill(handMade);
    await enterprise.getByLabel('名称').fill('河南手工录入有限公司');
    await enterprise.getByLabel('地区').selectOption('410000');
    await enterprise.getByLabel('规模').selectOption('medium');
    await enterprise.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('admin-list').getByText(handMade).waitFor();

    // An import: one good row, one with an unknown size; the worker runs it and the page follows it.
    await nav.getByRole('link', { name: '导入企业' }).click();
    await page.getByRole('button', { name: '上传并导入' }).click();
    await page.getByText('请选择要导入的文件。').waitFor();
    const uscc = newUscc('410000');
    const csv = `uscc,name,regionCode,size\n${uscc},河南新材料有限公司,410000,small\n${newUscc('410000')},尺寸不明公司,410000,gigantic\n`;
    await page
      .getByLabel('文件')
      .setInputFiles({ name: 'enterprises.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '上传并导入' }).click();
    const progress = page.getByTestId('import-progress');
    await progress.locator('[data-status="completed"]').waitFor({ timeout: 60_000 });
    await expect(progress.textContent()).resolves.toContain('已读 2 行，成功 1 行，拒绝 1 行');
    const rejected = page.getByTestId('import-errors');
    await expect(rejected.textContent()).resolves.toContain('size');
    await expect(rejected.locator('tbody tr').first().locator('td').first().textContent()).resolves.toBe('3');
    const found = await stack.http<{ items: { uscc: string }[] }>(
      'GET',
      `/enterprises?uscc=${uscc}&limit=10`,
      await stack.login(ADMIN.email, ADMIN.password),
    );
    expect(found.body.items.map((e) => e.uscc)).toContain(uscc);
    await expectAccessible(page);
    await screenshot(page, 'admin-import-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone, in English', async () => {
    const context = await newContext(browser, PHONE, 'en');
    const page = await context.newPage();
    await signIn(page, origin, ADMIN.email, ADMIN.password, '/manage/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByTestId('admin-list').waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await screenshot(page, 'admin-users-phone');
    await context.close();
  });
});
