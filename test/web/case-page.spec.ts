import type { Browser, Page } from 'playwright-core';
import { eventually, Stack } from '../support/stack';
import { launchBrowser, newContext, PHONE, screenshot, seriousViolations, signIn } from './support/browser';
import { expectNoRawText } from './support/raw-text';
import { ensureWebBuild } from './support/web-build';
import { buildWebWorld, type WebUser, type WebWorld } from './support/web-world';

jest.setTimeout(300_000);

/** The laptop a bank manager or supervisor works on. */
const LAPTOP = { viewport: { width: 1366, height: 768 } };
const VIEWS = [
  { device: LAPTOP, name: 'desktop', locale: 'zh-CN' },
  { device: LAPTOP, name: 'desktop', locale: 'en' },
  { device: PHONE, name: 'phone', locale: 'zh-CN' },
  { device: PHONE, name: 'phone', locale: 'en' },
] as const;

const VISIT_SUMMARY = '企业新增两条生产线，设备更新资金缺口约八百万元。';
const DIAGNOSIS_NOTE = '抵押物不足，建议以设备抵押加担保组合。';
const APPROVAL_NOTE = '授信审批通过，期限三年';

describe('the case page holds the work: one case, as bank manager, field officer and supervisor', () => {
  let stack: Stack;
  let world: WebWorld;
  let browser: Browser;
  let origin: string;
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    stack = await Stack.create();
    const [launched] = await Promise.all([
      launchBrowser(),
      ensureWebBuild()
        .then(() => stack.startApi())
        .then(() => stack.startWorker()),
    ]);
    browser = launched;
    // The first contact is due seconds after the claim: the case escalates, and contact resolves it.
    world = await buildWebWorld(stack, {
      claim: 'PT1H',
      firstContact: 'PT3S',
      decision: 'PT1H',
      signing: 'PT1H',
      remindBefore: 'PT1S',
      levelTwoAfter: 'PT1H',
    });
    origin = `http://127.0.0.1:${stack.port}`;
    const contact = await stack.http('PATCH', `/enterprises/${world.enterprise.id}`, world.admin, {
      contactName: '刘财务总监',
      contactPhone: '0635-8231234',
    });
    expect(contact.status).toBe(200);
    const visitId = await stack.created('/visits', world.officer.token, {
      campaignId: world.campaignId,
      enterpriseId: world.enterprise.id,
      kind: 'on_site_diagnosis',
      visitedOn: new Date().toISOString().slice(0, 10),
      summary: VISIT_SUMMARY,
    });
    const created = await stack.http<{ id: string; number: string }>('POST', '/cases', world.officer.token, {
      visitId,
      requestedAmount: '8000000',
      purpose: 'equipment_upgrade',
      term: 'medium_long',
      bottlenecks: ['collateral_shortage'],
      note: DIAGNOSIS_NOTE,
    });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    caseNumber = created.body.number;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  function collectErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/u.test(message.text())) errors.push(message.text());
    });
    return errors;
  }

  /** The names every role reads on the case page: the enterprise, the bank and its tier, the people. */
  async function expectNames(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
    await page.getByTestId('case-enterprise-name').filter({ hasText: world.enterprise.name }).waitFor();
    const bank = page.getByTestId('assigned-bank');
    await expect(bank.textContent()).resolves.toBe(locale === 'en' ? '郑州银行 (lead bank)' : '郑州银行（主办行）');
    const profile = await page.getByTestId('case-profile').textContent();
    expect(profile).toContain(world.enterprise.uscc);
    expect(profile).toContain('郑州市');
    expect(profile).toContain(locale === 'en' ? '装备制造 (Chain leader)' : '装备制造（链主）');
    expect(profile).toContain('刘财务总监');
    expect(profile).toContain('0635-8231234');
    const visit = await page.getByTestId('case-visit').textContent();
    expect(visit).toContain(VISIT_SUMMARY);
    expect(visit).toContain(DIAGNOSIS_NOTE);
    expect(visit).toContain(
      locale === 'en'
        ? `${world.officer.name} (${world.regulatorName})`
        : `${world.officer.name}（${world.regulatorName}）`,
    );
    const timeline = page.getByTestId('case-timeline');
    const manager = locale === 'en' ? '李经理 (郑州银行)' : '李经理（郑州银行）';
    await timeline.filter({ hasText: manager }).waitFor();
    await expectNoRawText(page);
    expect(await seriousViolations(page)).toEqual([]);
  }

  async function open(
    user: WebUser,
    path: string,
    view: (typeof VIEWS)[number],
  ): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await newContext(browser, view.device, view.locale);
    const page = await context.newPage();
    await signIn(page, origin, user.email, user.password, path);
    return { page, close: () => context.close() };
  }

  it('the bank manager claims, records the contact, approves with 授信金额 in 万元 and a note', async () => {
    const { page, close } = await open(world.leadManager, `/queue/${caseId}`, VIEWS[0]);
    const errors = collectErrors(page);
    await page.getByRole('heading', { name: `需求 ${caseNumber}` }).waitFor();
    await expect(page.getByTestId('assigned-bank').textContent()).resolves.toBe('郑州银行（主办行）');
    await page.getByRole('button', { name: '认领此需求' }).click();
    await page.getByText('您已认领此需求。').waitFor();

    // Before contact, approval is not offered: recording the contact is the next step.
    await page.getByText('联系企业并登记“首次联系”后，方可审批。').waitFor();
    await expect(page.getByRole('button', { name: '审批通过' }).count()).resolves.toBe(0);
    // The first contact is overdue within seconds: a level-1 escalation opens and counts.
    await eventually(
      async () => {
        const detail = await stack.http<{ escalations: unknown[] }>('GET', `/cases/${caseId}`, world.leadManager.token);
        return detail.body.escalations.length > 0 ? true : undefined;
      },
      60_000,
      'the first-contact escalation',
    );
    await page.getByRole('button', { name: '刷新' }).click();
    const escalations = page.getByTestId('case-escalations');
    await escalations.filter({ hasText: '首次联系逾期' }).waitFor();
    await expect(escalations.textContent()).resolves.toMatch(/一级督办.*已逾期 (不足 1 分钟|\d+ 分钟).*尚未确认/u);
    // The clocks tick every second: the first-contact clock reads overdue once the page's time passes it.
    await page
      .getByTestId('case-obligations')
      .filter({ hasText: /首次联系：已逾期/u })
      .waitFor();
    await expectNoRawText(page);
    await screenshot(page, 'case-page-bank-manager-escalated-desktop');

    await page.getByRole('button', { name: '登记已联系企业' }).click();
    await page.getByText('进展已登记。').waitFor();
    // The escalation is resolved and counts no more.
    await escalations.filter({ hasText: '已于' }).waitFor();
    await expect(escalations.textContent()).resolves.not.toMatch(/已逾期/u);

    // Approve, confirmed in a dialog: 800 万元 previewed as exact yuan, and a note.
    await page.getByRole('button', { name: '审批通过' }).click();
    const dialog = page.getByRole('dialog', { name: '审批通过（授信）' });
    await dialog.waitFor();
    await dialog.getByLabel(/授信金额（万元）/u).fill('800');
    await dialog.getByText('即 ¥8,000,000.00').waitFor();
    await dialog.getByLabel(/授信金额（万元）/u).fill('1,250.5');
    await dialog.getByText('即 ¥12,505,000.00').waitFor();
    await dialog.getByLabel(/审批意见/u).fill(APPROVAL_NOTE);
    await screenshot(page, 'case-page-bank-manager-approve-dialog-desktop');
    await dialog.getByRole('button', { name: '确认审批通过' }).click();
    await page.getByText('已审批通过。').waitFor();
    await page.getByTestId('case-status').getByText('已授信').waitFor();

    const timeline = page.getByTestId('case-timeline');
    await timeline.filter({ hasText: APPROVAL_NOTE }).waitFor();
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('需求已诊断');
    expect(text).toContain(`${world.officer.name}（${world.regulatorName}）`);
    expect(text).toContain('分派至郑州银行（主办行）');
    expect(text).toContain('登记进展：首次联系');
    expect(text).toContain('李经理（郑州银行）');
    expect(text).toContain('授信金额 1,250.5万元（¥12,505,000.00）');
    expect(text).toContain(`备注：${DIAGNOSIS_NOTE}`);
    expect(text).toContain('系统自动');
    expect(text).not.toContain('milestone.');
    await expectNames(page, 'zh-CN');
    expect(errors).toEqual([]);
    await close();

    const detail = await stack.http<{ timeline: { type: string; data: Record<string, unknown> }[] }>(
      'GET',
      `/cases/${caseId}`,
      world.leadManager.token,
    );
    expect(detail.body.timeline.find((e) => e.type === 'approved')?.data).toMatchObject({
      approvedAmount: '12505000.00',
      note: APPROVAL_NOTE,
    });
  });

  // Each role on both devices and in both languages, and each device in both languages: every pair of the three,
  // in six views rather than all twelve (every-page.spec reads each role's case page in three for raw text,
  // width and axe).
  const [desktopZh, desktopEn, phoneZh, phoneEn] = VIEWS;
  const roles = [
    ['bank manager', () => world.leadManager, '/queue/', [desktopZh, phoneEn]],
    ['field officer', () => world.officer, '/my-cases/', [phoneZh, desktopEn]],
    ['supervisor', () => world.supervisor, '/supervision/cases/', [desktopZh, phoneEn]],
  ] as const;

  it.each(roles.flatMap(([role, user, path, views]) => views.map((view) => [role, user, path, view] as const)))(
    'as %s: names, a translated timeline and no raw text (%#)',
    async (role, user, path, view) => {
      const { page, close } = await open(user(), `${path}${caseId}`, view);
      const errors = collectErrors(page);
      await page
        .getByRole('heading', { name: view.locale === 'en' ? `Case ${caseNumber}` : `需求 ${caseNumber}` })
        .waitFor();
      await expectNames(page, view.locale);
      const timeline = (await page.getByTestId('case-timeline').textContent()) ?? '';
      expect(timeline).toContain(view.locale === 'en' ? 'Milestone: First contact' : '登记进展：首次联系');
      expect(timeline).toContain(
        view.locale === 'en' ? 'Credit approved ¥12,505,000.00' : '授信金额 1,250.5万元（¥12,505,000.00）',
      );
      // The signing clock, in words: never seconds.
      await expect(page.getByTestId('case-deadline').textContent()).resolves.toMatch(
        view.locale === 'en' ? /^\d+ min left \(due /u : /^剩余 \d+ 分钟（截止 /u,
      );
      if (view.device === PHONE) {
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      }
      await screenshot(page, `case-page-${role.replace(' ', '-')}-${view.name}-${view.locale}`);
      expect(errors).toEqual([]);
      await close();
    },
  );
});
