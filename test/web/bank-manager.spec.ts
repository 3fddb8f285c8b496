import type { Browser, Page } from 'playwright-core';
import { eventually, Stack } from '../support/stack';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { expectNoRawText } from './support/raw-text';
import { ensureWebBuild } from './support/web-build';
import { buildWebWorld, WEB_PASSWORD, type WebUser, type WebWorld } from './support/web-world';

jest.setTimeout(180_000);

describe('the console of a bank manager, against the real API and worker', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;
  let colleague: WebUser;

  beforeAll(async () => {
    stack = await Stack.create();
    const [launched] = await Promise.all([
      launchBrowser(),
      // The API reads the console's index.html when it starts: build first.
      ensureWebBuild()
        .then(() => stack.startApi())
        .then(() => stack.startWorker()),
    ]);
    browser = launched;
    world = await buildWebWorld(stack);
    origin = `http://127.0.0.1:${stack.port}`;
    // A second manager of the lead bank: the two race for the same case.
    const email = `bank_manager-${Math.random().toString(36).slice(2)}@web.test`;
    await stack.created('/users', world.admin, {
      email,
      name: '周经理',
      password: WEB_PASSWORD,
      role: 'bank_manager',
      organizationId: world.leadBankId,
      regionCode: '410100',
    });
    colleague = { email, password: WEB_PASSWORD, name: '周经理', token: await stack.login(email, WEB_PASSWORD) };
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A case diagnosed from an officer's visit and routed at once to the chain's lead bank. */
  async function routedCase(requestedAmount: string): Promise<{ id: string; number: string }> {
    const visitId = await stack.created('/visits', world.officer.token, {
      campaignId: world.campaignId,
      enterpriseId: world.enterprise.id,
      kind: 'on_site_diagnosis',
      visitedOn: new Date().toISOString().slice(0, 10),
    });
    const created = await stack.http<{ id: string; number: string; status: string }>(
      'POST',
      '/cases',
      world.officer.token,
      { visitId, requestedAmount, purpose: 'equipment_upgrade', term: 'medium_long', bottlenecks: ['slow_approval'] },
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('assigned');
    return { id: created.body.id, number: created.body.number };
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  function collectErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // The refused claim answers 409: the browser logs the failed resource, which is the point of the test.
      if (message.type() === 'error' && !/Failed to load resource/u.test(message.text())) errors.push(message.text());
    });
    return errors;
  }

  it('claims and signs a loan while a colleague racing for the same case is refused gracefully', async () => {
    await routedCase('800000');
    const raced = await routedCase('1250000.50');

    // Manager A, on a desktop: the queue lists the bank's cases with a live countdown.
    const desktop = await newContext(browser, DESKTOP, 'zh-CN');
    const a = await desktop.newPage();
    const errorsA = collectErrors(a);
    await signIn(a, origin, world.leadManager.email, world.leadManager.password, '/queue');
    const queue = a.getByTestId('queue');
    const card = queue.locator(`li[data-case-id="${raced.id}"]`);
    await card.waitFor();
    await expect(queue.locator('li').count()).resolves.toBe(2);
    await expect(card.textContent()).resolves.toMatch(/剩余 (\d+ (个工作日|天|小时|分钟)|不足 1 分钟)/u);
    // The enterprise's name comes with its own request, after the queue: wait for it rather than read it once.
    await card.filter({ hasText: world.enterprise.name }).waitFor();
    // Counted, and searched by case number: the other case leaves the list, the count follows.
    await a.getByTestId('queue-count').filter({ hasText: '共 2 条，已显示 2 条' }).waitFor();
    await a.getByLabel('企业、信用代码或需求编号').fill(raced.number);
    await a.getByTestId('queue-count').filter({ hasText: '共 1 条，已显示 1 条' }).waitFor();
    await expect(queue.locator('li').count()).resolves.toBe(1);
    await a.getByRole('button', { name: '清除筛选' }).click();
    await a.getByTestId('queue-count').filter({ hasText: '共 2 条' }).waitFor();
    await expectAccessible(a);
    await screenshot(a, 'bank-manager-queue-desktop');
    // The same queue in English.
    await a.getByLabel('语言').selectOption('en');
    await a.getByRole('heading', { name: 'Work queue' }).waitFor();
    await expect(card.textContent()).resolves.toMatch(
      /(\d+ (d|h|min)( \d+ (h|min))?|\d+ working days?|under a minute) left/u,
    );
    await screenshot(a, 'bank-manager-queue-desktop-en');
    await a.getByLabel('Language').selectOption('zh-CN');
    await a.getByRole('heading', { name: '待办需求' }).waitFor();

    // The filters narrow the queue: nothing is claimed yet.
    await a.getByLabel('状态').selectOption({ label: '已认领' });
    await a.getByText('没有符合条件的需求：本行暂无待办。').waitFor();
    await a.getByRole('button', { name: '清除筛选' }).click();
    await card.waitFor();

    // Manager B, on a phone, opens the same case.
    const phone = await newContext(browser, PHONE, 'zh-CN');
    const b = await phone.newPage();
    const errorsB = collectErrors(b);
    await signIn(b, origin, colleague.email, colleague.password, '/queue');
    const phoneCard = b.getByTestId('queue').locator(`li[data-case-id="${raced.id}"]`);
    await phoneCard.waitFor();
    await expectAccessible(b);
    await screenshot(b, 'bank-manager-queue-phone');
    // The page itself never scrolls sideways on a phone.
    expect(await b.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phoneCard.getByRole('link').click();
    await b.getByRole('button', { name: '认领此需求' }).waitFor();
    await expectAccessible(b);

    // A claims it first.
    await card.getByRole('link').click();
    await a.getByRole('heading', { name: `需求 ${raced.number}` }).waitFor();
    await expectAccessible(a);
    await a.getByRole('button', { name: '认领此需求' }).click();
    await a.getByText('您已认领此需求。').waitFor();

    // B's claim loses the race: the banner says what happened and the view shows the case claimed.
    await b.getByRole('button', { name: '认领此需求' }).click();
    await b.getByText('另一位客户经理刚刚认领了此需求，页面已显示最新状态。').waitFor();
    await b.getByTestId('case-status').getByText('已认领').waitFor();
    await b.getByText('此需求由另一位客户经理办理，您无法操作。').waitFor();
    await expect(b.getByRole('button', { name: '认领此需求' }).count()).resolves.toBe(0);
    await screenshot(b, 'bank-manager-claim-refused-phone');

    // A records the contact (approval comes after it), approves and signs one contract, amount exact to the
    // fen; the approval and the signing are each confirmed in a dialog.
    await a.getByRole('button', { name: '登记已联系企业' }).click();
    await a.getByText('进展已登记。').waitFor();
    await a.getByRole('button', { name: '审批通过' }).click();
    await a.getByRole('dialog').getByRole('button', { name: '确认审批通过' }).click();
    await a.getByText('已审批通过。').waitFor();
    await a.getByLabel(/金额（元）/u).fill('1,250,000.50');
    await a.getByLabel(/年利率/u).fill('3.45');
    await a.getByLabel(/期限（月）/u).fill('36');
    await a.getByLabel(/合同编号/u).fill('ZZB-2026-0001');
    await a.getByRole('button', { name: '确认签约' }).click();
    await a.getByRole('dialog').getByRole('button', { name: '确认签约登记' }).click();
    await a.getByText('贷款合同已签约。').waitFor();
    await a.getByTestId('case-status').getByText('已签约').waitFor();
    await a.getByRole('cell', { name: '¥1,250,000.50' }).waitFor();
    await expectAccessible(a);
    await screenshot(a, 'bank-manager-case-signed-desktop');

    const detail = await stack.http<{ status: string; signedAmount: string; claimedByUserId: string }>(
      'GET',
      `/cases/${raced.id}`,
      world.leadManager.token,
    );
    expect(detail.body.status).toBe('loan_signed');
    expect(detail.body.signedAmount).toBe('1250000.50');

    // The inbox opens (reminders and escalations land there).
    await a.getByRole('navigation').getByRole('link', { name: '消息' }).click();
    await a.getByRole('heading', { name: '消息' }).waitFor();
    await expectAccessible(a);

    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
    await desktop.close();
    await phone.close();
  });

  /**
   * A case of a campaign whose claim deadlines are seconds away, routed to the lead bank: the worker reminds
   * the bank's managers, then the claim is missed at the lead bank, the deputy lead bank and the pool in turn.
   */
  async function fastClaimCase(name: string): Promise<string> {
    const calendars = await stack.http<{ items: { id: string }[] }>('GET', '/calendars', world.admin);
    const slaPolicyId = await stack.created('/sla-policies', world.admin, {
      name,
      calendarId: String(calendars.body.items[0]?.id),
      claim: 'PT3S',
      firstContact: 'PT1H',
      decision: 'PT1H',
      signing: 'PT1H',
      remindBefore: 'PT2S',
      levelTwoAfter: 'PT1H',
    });
    const campaignId = await stack.created('/campaigns', world.admin, {
      name: `快速时限专项行动 ${name}`,
      kind: 'diagnose_unblock',
      regionCode: '410000',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      slaPolicyId,
    });
    const visitId = await stack.created('/visits', world.officer.token, {
      campaignId,
      enterpriseId: world.enterprise.id,
      kind: 'on_site_diagnosis',
      visitedOn: new Date().toISOString().slice(0, 10),
    });
    const caseId = await stack.created('/cases', world.officer.token, {
      visitId,
      requestedAmount: '300000',
      purpose: 'working_capital',
      term: 'short',
      bottlenecks: ['collateral_shortage'],
    });
    return caseId;
  }

  it('lists a claim reminder from the worker in the inbox, and marks it read', async () => {
    const caseId = await fastClaimCase('bank-manager-browser');
    const desktop = await newContext(browser, DESKTOP, 'zh-CN');
    const page = await desktop.newPage();
    const errors = collectErrors(page);
    await signIn(page, origin, colleague.email, colleague.password, '/inbox');
    await page.getByRole('heading', { name: '消息' }).waitFor();
    // A reminder's sentence says what falls due (no "提醒" label repeats it beside the sentence).
    const reminder = page.locator('li[data-read="false"]').filter({ hasText: /：认领将于 .+ 到期/u });
    const deadline = Date.now() + 30_000;
    while ((await reminder.count()) === 0 && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      await page.getByRole('button', { name: '刷新' }).click();
    }
    await expect(reminder.count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'bank-manager-inbox-desktop');
    const first = reminder.first();
    await expect(first.getByRole('link', { name: '查看需求' }).getAttribute('href')).resolves.toBe(`/queue/${caseId}`);
    // The reminder names the case and what is due by name, at Shanghai time: no code, no ISO instant.
    await expect(first.innerText()).resolves.toMatch(
      /C-\d{4}-\d{6}：认领将于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 到期/u,
    );
    const unread = await reminder.count();
    await first.getByRole('button', { name: '标为已读' }).click();
    await eventually(
      async () => ((await reminder.count()) === unread - 1 ? true : undefined),
      10_000,
      'the reminder marked read',
    );
    expect(errors).toEqual([]);
    await desktop.close();
  });

  it('shows a supervisor, on a phone in Chinese, which bank or pool missed each claim of a case', async () => {
    const caseId = await fastClaimCase('supervisor-inbox-browser');
    const phone = await newContext(browser, PHONE, 'zh-CN');
    const page = await phone.newPage();
    const errors = collectErrors(page);
    await signIn(page, origin, world.supervisor.email, world.supervisor.password, '/inbox');
    await page.getByRole('heading', { name: '消息' }).waitFor();
    // The lead bank's, the deputy lead bank's and the pool's misses at level 1, and the pool's level 2.
    const lines = page.locator('li').filter({ has: page.locator(`a[href="/supervision/cases/${caseId}"]`) });
    const deadline = Date.now() + 60_000;
    while ((await lines.count()) < 4 && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      await page.getByRole('button', { name: '刷新' }).click();
    }
    const texts = (await lines.allInnerTexts()).join('\n');
    for (const missed of [
      '郑州银行（主办行）认领超时，一级督办',
      '中原银行（协办行）认领超时，一级督办',
      '成员机构池认领超时，一级督办',
      '成员机构池认领仍未完成，二级督办',
    ]) {
      expect(texts).toMatch(new RegExp(`C-\\d{4}-\\d{6}：${missed}`, 'u'));
    }
    await expectNoRawText(page);
    await expectAccessible(page);
    await screenshot(page, 'supervisor-inbox-phone');
    expect(errors).toEqual([]);
    await phone.close();
  });
});
