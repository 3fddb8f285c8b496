import type { Browser, Page } from 'playwright-core';
import { newUscc } from '../support/fixtures';
import { ADMIN, Stack } from '../support/stack';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { expectNoRawText } from './support/raw-text';
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
    await policy.getByLabel('认领时限：数量').fill('3天');
    await policy.getByRole('button', { name: '创建' }).click();
    await policy.getByText('请填写不小于 1 的整数（工作日最多 999）；选“ISO 8601 时长”时填写如 PT30S。').waitFor();
    await policy.getByLabel('认领时限：单位').selectOption({ label: '秒' });
    await policy.getByLabel('认领时限：数量').fill('30');
    await policy.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('admin-list').getByText('30 秒').waitFor();
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
    await expect(rejected.textContent()).resolves.toContain('企业规模');
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

  it('searches and pages lists, edits a chain’s lead bank, takes a policy as 3 个工作日 and imports by chain name', async () => {
    const token = await stack.login(ADMIN.email, ADMIN.password);
    for (const [code, name, parentCode] of [
      ['370000', '山东省', undefined],
      ['371500', '聊城市', '370000'],
      ['371502', '东昌府区', '371500'],
    ] as const) {
      await stack.created('/regions', token, { code, name, ...(parentCode ? { parentCode } : {}) });
    }
    const bank = (name: string): Promise<string> =>
      stack.created('/organizations', token, { kind: 'bank', name, regionCode: '371500' });
    const lead = await bank('工商银行聊城分行');
    const deputy = await bank('农业银行聊城分行');
    const newLead = await bank('中国银行聊城分行');
    // Enough banks for a second page of fifty.
    for (let i = 1; i <= 52; i += 1) await bank(`检索测试银行${String(i).padStart(2, '0')}`);
    const chainId = await stack.created('/industrial-chains', token, {
      name: '轴承产业链',
      regionCode: '371500',
      leadBankId: lead,
      deputyBankId: deputy,
      memberOrgIds: [],
    });

    const context = await newContext(browser, DESKTOP, 'zh-CN');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, origin, ADMIN.email, ADMIN.password, '/manage/organizations');
    const nav = page.getByRole('navigation');
    const table = page.getByTestId('admin-list');
    const count = page.getByTestId('admin-list-count');

    // Paging: fifty rows, then the next page on demand; the count is of the whole list.
    await page.getByRole('heading', { level: 1, name: '机构' }).waitFor();
    await count.getByText(/已显示 50 条/u).waitFor();
    const total = Number(/共 (\d+) 条/u.exec(String(await count.textContent()))?.[1]);
    expect(total).toBeGreaterThan(55);
    await page.getByRole('button', { name: '加载更多' }).click();
    await count.getByText(`共 ${total} 条，已显示 ${Math.min(total, 100)} 条`).waitFor();
    // Search by part of the name, with a filter of kind.
    const filters = page.getByRole('search', { name: '搜索与筛选' });
    await filters.getByLabel('类型').selectOption('bank');
    await filters.getByLabel('搜索').fill('检索测试银行07');
    await count.getByText('共 1 条，已显示 1 条').waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    await filters.getByLabel('搜索').fill('没有这家机构');
    await page.getByText('没有符合条件的记录。').waitFor();
    await expectNoRawText(page);
    await expectAccessible(page);
    await screenshot(page, 'adm-organizations-search-desktop');

    // A chain's lead bank (主办行) is edited; the table shows the new bank by name.
    await nav.getByRole('link', { name: '产业链' }).click();
    await table.getByText('轴承产业链').waitFor();
    await page.getByRole('button', { name: '编辑轴承产业链' }).click();
    const chainForm = page.getByRole('form', { name: '编辑“轴承产业链”' });
    await page.getByText('修改只影响此后分派的需求；已分派的需求留在原机构。').waitFor();
    await chainForm.getByLabel('主办行').selectOption({ label: '中国银行聊城分行' });
    await chainForm.getByRole('checkbox', { name: '检索测试银行01' }).check();
    await chainForm.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存。').waitFor();
    const row = table.locator('tr', { hasText: '轴承产业链' });
    await row.getByText('中国银行聊城分行').waitFor();
    await expect(row.textContent()).resolves.toContain('聊城市');
    await expect(row.textContent()).resolves.toContain('1 家');
    const chain = await stack.http<{ leadBankId: string; memberOrgIds: string[] }>(
      'GET',
      `/industrial-chains/${chainId}`,
      token,
    );
    expect(chain.body.leadBankId).toBe(newLead);
    expect(chain.body.memberOrgIds).toHaveLength(1);
    await expectNoRawText(page);
    await expectAccessible(page);
    await screenshot(page, 'adm-chain-edited-desktop');

    // A policy typed as 3 个工作日 is stored as 3BD and shown as it was typed.
    await nav.getByRole('link', { name: '时限规则' }).click();
    const policy = page.getByRole('form', { name: '新增时限规则' });
    await expect(policy.textContent()).resolves.not.toContain('P3D');
    await policy.getByLabel('名称').fill('三个工作日规则');
    await policy.getByLabel('工作日历').selectOption({ index: 1 });
    await policy.getByLabel('认领时限：数量').fill('3');
    await expect(policy.getByLabel('认领时限：单位').inputValue()).resolves.toBe('BD');
    await policy.getByRole('button', { name: '创建' }).click();
    const policyRow = table.locator('tr', { hasText: '三个工作日规则' });
    await policyRow.waitFor();
    // The claim column, right after the name.
    await expect(policyRow.locator('td').nth(1).textContent()).resolves.toBe('3 个工作日');
    const policies = await stack.http<{ items: { name: string; claim: string }[] }>(
      'GET',
      `/sla-policies?q=${encodeURIComponent('三个工作日')}`,
      token,
    );
    expect(policies.body.items).toEqual([expect.objectContaining({ name: '三个工作日规则', claim: '3BD' })]);
    await expect(table.textContent()).resolves.not.toMatch(/\d+BD/u);
    // Editing it says what happens to the deadlines already running.
    await page.getByRole('button', { name: '编辑三个工作日规则' }).click();
    await page.getByText('修改只影响此后开始计时的时限；已在计时的时限保持原到期时间。').waitFor();
    await expectNoRawText(page);
    await expectAccessible(page);
    await screenshot(page, 'adm-sla-policy-desktop');

    // A campaign (专项行动) takes that policy and its targets; the table shows them in words and 亿元.
    await stack.created('/campaigns', token, {
      name: '聊城诊断畅通专项行动',
      kind: 'diagnose_unblock',
      regionCode: '371500',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    await nav.getByRole('link', { name: '专项行动' }).click();
    await page.getByRole('button', { name: '编辑聊城诊断畅通专项行动' }).click();
    const campaignForm = page.getByRole('form', { name: '编辑“聊城诊断畅通专项行动”' });
    await campaignForm.getByLabel('时限规则').selectOption({ label: '三个工作日规则' });
    await campaignForm.getByLabel('目标走访次数').fill('255');
    await campaignForm.getByLabel('目标需求数').fill('865');
    await campaignForm.getByLabel('目标放款金额').fill('314.5亿');
    await campaignForm.getByLabel('结束日期').fill('2026-06-30');
    await campaignForm.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存。').waitFor();
    const campaignRow = table.locator('tr', { hasText: '聊城诊断畅通专项行动' });
    await campaignRow.getByText('走访 255 · 需求 865 · 314.5亿元').waitFor();
    await expect(campaignRow.textContent()).resolves.toContain('三个工作日规则');
    await expectNoRawText(page);
    await expectAccessible(page);
    await screenshot(page, 'adm-campaign-edited-desktop');

    // An import by names: the chain by its name, the region by its name, the contact.
    await nav.getByRole('link', { name: '导入企业' }).click();
    const accepted = newUscc('371502');
    const csv = [
      '统一社会信用代码,企业名称,地区,企业规模,产业链,链上角色,标签,联系人,联系电话',
      `${accepted},聊城名称导入轴承有限公司,东昌府区,中型,轴承产业链,上游,专精特新,王丽,0635-8231234`,
      `${newUscc('371502')},无此链公司,东昌府区,小型,不存在的产业链,上游,,,`,
    ].join('\n');
    await page
      .getByLabel('文件')
      .setInputFiles({ name: '企业导入.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '上传并导入' }).click();
    const progress = page.getByTestId('import-progress');
    await progress.locator('[data-status="completed"]').waitFor({ timeout: 60_000 });
    await expect(progress.textContent()).resolves.toContain('已读 2 行，成功 1 行，拒绝 1 行');
    const rejected = page.getByTestId('import-errors').locator('tbody tr').first();
    await expect(rejected.locator('td').nth(0).textContent()).resolves.toBe('3');
    await expect(rejected.locator('td').nth(1).textContent()).resolves.toBe('产业链');
    const found = await stack.http<{ items: { chainId: string; regionCode: string; chainRole: string }[] }>(
      'GET',
      `/enterprises?uscc=${accepted}`,
      token,
    );
    // The contact is personal data, shown only to those who work its cases: imports.spec checks it landed.
    expect(found.body.items).toEqual([
      expect.objectContaining({ chainId, regionCode: '371502', chainRole: 'upstream' }),
    ]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载导入模板（CSV）' }).click();
    expect((await download).suggestedFilename()).toBe('企业导入模板.csv');
    await expectNoRawText(page);
    await expectAccessible(page);
    await screenshot(page, 'adm-import-by-name-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps every action of the users table in reach on a 1366 desktop, in English', async () => {
    const context = await newContext(browser, DESKTOP, 'en');
    const page = await context.newPage();
    await signIn(page, origin, ADMIN.email, ADMIN.password, '/manage/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const filters = page.getByRole('search', { name: 'Search and filters' });
    await filters.getByLabel('Search').fill('e2e-admin');
    await page.getByTestId('admin-list-count').getByText('1 in all, 1 shown').waitFor();
    await filters.getByLabel('Search').fill('');
    await page.getByTestId('admin-list').locator('tbody tr').nth(1).waitFor();
    for (const name of ['Edit', 'Reset password']) {
      const button = page.getByTestId('admin-list').getByRole('button', { name }).first();
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
      await expect(button.isVisible()).resolves.toBe(true);
    }
    await expectNoRawText(page);
    await expectAccessible(page);
    await screenshot(page, 'adm-users-desktop-en');
    await page.goto(`${origin}/manage/sla-policies`);
    await page.getByRole('heading', { level: 1, name: 'SLA policies' }).waitFor();
    await page.getByTestId('admin-list').getByText('3 business days').first().waitFor();
    await expectNoRawText(page);
    await expectAccessible(page);
    await screenshot(page, 'adm-sla-policies-desktop-en');
    await context.close();
  });

  it('fits a phone: the chains and their edit in Chinese, the policies in English', async () => {
    for (const [locale, path, heading] of [
      ['zh-CN', '/manage/chains', '产业链'],
      ['en', '/manage/sla-policies', 'SLA policies'],
    ] as const) {
      const context = await newContext(browser, PHONE, locale);
      const page = await context.newPage();
      await signIn(page, origin, ADMIN.email, ADMIN.password, path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByTestId('admin-list').waitFor();
      await page.getByTestId('admin-list').getByRole('button').first().click();
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoRawText(page);
      await expectAccessible(page);
      await screenshot(page, `adm-${path.split('/').pop() ?? ''}-phone-${locale}`);
      await context.close();
    }
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
