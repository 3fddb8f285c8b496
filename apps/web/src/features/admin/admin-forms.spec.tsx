/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { ROLES } from '@unblock/domain';
import { I18nProvider } from '../../i18n/i18n';
import { AdminForm } from './admin-form';
import {
  changedOnly,
  validateCalendar,
  validateCalendarEdit,
  validateEnterprise,
  validateEnterpriseEdit,
  validateOrganization,
  validateOrganizationEdit,
  validateRegion,
  validateUser,
  validateUserEdit,
  type CreateUserBody,
  type FormValues,
  type UpdateOrganizationBody,
} from './admin-validation';
import {
  validateCampaign,
  validateCampaignEdit,
  validateChain,
  validateChainEdit,
  validateSlaPolicy,
  validateSlaPolicyEdit,
} from './reference-validation';
import { joinDuration, splitDuration } from './sla-durations';

function errorOf(element: HTMLElement): string | undefined {
  const id = String(element.getAttribute('aria-describedby'))
    .split(' ')
    .find((ref) => ref.endsWith('-error'));
  return id === undefined ? undefined : (document.getElementById(id)?.textContent ?? undefined);
}

function UserForm({
  onSubmit,
  serverErrors,
}: {
  onSubmit: (body: CreateUserBody) => void;
  serverErrors?: Record<string, string>;
}): ReactNode {
  const [values, setValues] = useState<FormValues>({});
  return (
    <I18nProvider locale="zh-CN">
      <AdminForm
        title="admin.newUser"
        submitLabel="admin.create"
        fields={[
          { name: 'email', label: 'auth.email', type: 'email', required: true },
          { name: 'name', label: 'admin.name', required: true },
          { name: 'password', label: 'auth.password', type: 'password', required: true },
          { name: 'role', label: 'admin.role', required: true, options: ROLES.map((r) => ({ value: r, label: r })) },
          { name: 'organizationId', label: 'admin.organization', options: [{ value: 'org1', label: '郑州银行' }] },
          { name: 'regionCode', label: 'admin.region', options: [{ value: '410100', label: '郑州市' }] },
        ]}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        validate={validateUser}
        onSubmit={onSubmit}
        {...(serverErrors ? { serverErrors } : {})}
      />
    </I18nProvider>
  );
}

describe('the administrator’s forms', () => {
  it('a user: email, name, a 12-character password, a role, and for non-admins an organization and region', () => {
    const onSubmit = jest.fn();
    render(<UserForm onSubmit={onSubmit} />);
    const create = screen.getByRole('button', { name: '创建' });
    fireEvent.change(screen.getByLabelText(/^邮箱/u), { target: { value: 'not-an-email' } });
    fireEvent.change(screen.getByLabelText(/^密码/u), { target: { value: 'short' } });
    fireEvent.change(screen.getByLabelText(/^角色/u), { target: { value: 'bank_manager' } });
    fireEvent.click(create);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf(screen.getByLabelText(/^邮箱/u))).toBe('请输入邮箱地址，如 name@example.com。');
    expect(errorOf(screen.getByLabelText(/^名称/u))).toBe('必填。');
    expect(errorOf(screen.getByLabelText(/^密码/u))).toBe('至少 12 个字符。');
    expect(errorOf(screen.getByLabelText(/^所属机构/u))).toBe('请选择机构');
    expect(errorOf(screen.getByLabelText(/^地区/u))).toBe('请选择地区');

    fireEvent.change(screen.getByLabelText(/^邮箱/u), { target: { value: ' li@bank.test ' } });
    fireEvent.change(screen.getByLabelText(/^名称/u), { target: { value: '李经理' } });
    fireEvent.change(screen.getByLabelText(/^密码/u), { target: { value: 'a-long-password' } });
    fireEvent.change(screen.getByLabelText(/^所属机构/u), { target: { value: 'org1' } });
    fireEvent.change(screen.getByLabelText(/^地区/u), { target: { value: '410100' } });
    fireEvent.click(create);
    expect(onSubmit).toHaveBeenCalledWith({
      email: 'li@bank.test',
      name: '李经理',
      password: 'a-long-password',
      role: 'bank_manager',
      organizationId: 'org1',
      regionCode: '410100',
    });
  });

  it('shows the API’s field errors beside the fields', () => {
    render(<UserForm onSubmit={jest.fn()} serverErrors={{ email: 'is already taken' }} />);
    expect(errorOf(screen.getByLabelText(/^邮箱/u))).toBe('is already taken');
  });

  it('a region: a six-digit code, a name, a parent that is not itself', () => {
    expect(validateRegion({ code: '4101', name: '' })).toEqual({
      ok: false,
      errors: { code: 'admin.regionCodeFormat', name: 'form.required' },
    });
    expect(validateRegion({ code: '410100', name: '郑州市', parentCode: '410100' })).toEqual({
      ok: false,
      errors: { parentCode: 'admin.parentIsSelf' },
    });
    expect(validateRegion({ code: ' 410100 ', name: ' 郑州市 ', parentCode: '410000' })).toEqual({
      ok: true,
      body: { code: '410100', name: '郑州市', parentCode: '410000' },
    });
  });

  it('an organization: a kind, a name and a region; an admin user needs neither organization nor region', () => {
    expect(validateOrganization({ kind: 'shop', name: '', regionCode: '' })).toEqual({
      ok: false,
      errors: { kind: 'admin.pickKind', name: 'form.required', regionCode: 'admin.pickRegion' },
    });
    expect(validateOrganization({ kind: 'bank', name: '郑州银行', regionCode: '410100' })).toEqual({
      ok: true,
      body: { kind: 'bank', name: '郑州银行', regionCode: '410100' },
    });
    expect(validateUser({ email: 'root@x.test', name: 'Root', password: 'long-enough-pw', role: 'admin' })).toEqual({
      ok: true,
      body: { email: 'root@x.test', name: 'Root', password: 'long-enough-pw', role: 'admin' },
    });
  });

  it('a chain: two different banks; a campaign: a period that ends after it starts; a policy: ISO durations', () => {
    expect(validateChain({ name: '装备制造', regionCode: '410100', leadBankId: 'b1', deputyBankId: 'b1' })).toEqual({
      ok: false,
      errors: { deputyBankId: 'admin.deputyIsLead' },
    });
    expect(validateChain({ name: '装备制造', regionCode: '410100', leadBankId: 'b1', deputyBankId: 'b2' })).toEqual({
      ok: true,
      body: { name: '装备制造', regionCode: '410100', leadBankId: 'b1', deputyBankId: 'b2', memberOrgIds: [] },
    });
    const campaign = { name: '诊断畅通', kind: 'diagnose_unblock', regionCode: '410000' };
    expect(validateCampaign({ ...campaign, startsOn: '2026-05-01', endsOn: '2026-04-30' })).toEqual({
      ok: false,
      errors: { endsOn: 'admin.endsBeforeStart' },
    });
    expect(validateCampaign({ ...campaign, startsOn: '2026/05/01', endsOn: '' })).toEqual({
      ok: false,
      errors: { startsOn: 'form.invalidDate', endsOn: 'form.invalidDate' },
    });
    expect(validateCampaign({ ...campaign, startsOn: '2026-01-01', endsOn: '2026-12-31', slaPolicyId: 'p1' })).toEqual({
      ok: true,
      body: { ...campaign, startsOn: '2026-01-01', endsOn: '2026-12-31', slaPolicyId: 'p1' },
    });
    // Screening asked for goes with the campaign; left at its placeholder, the campaign has none.
    expect(
      validateCampaign({ ...campaign, startsOn: '2026-01-01', endsOn: '2026-12-31', screening: 'required' }),
    ).toEqual({
      ok: true,
      body: { ...campaign, startsOn: '2026-01-01', endsOn: '2026-12-31', screening: 'required' },
    });
    expect(
      validateSlaPolicy({ name: '演练', calendarId: 'c1', claim: '3 days', signing: 'PT', 'signing.unit': 'ISO' }),
    ).toEqual({
      ok: false,
      errors: { claim: 'admin.durationFormat', signing: 'admin.durationFormat' },
    });
    expect(
      validateSlaPolicy({
        name: '演练',
        calendarId: 'c1',
        claim: '３',
        'claim.unit': 'BD',
        firstContact: 'pt30s',
        'firstContact.unit': 'ISO',
        decision: '15',
        'decision.unit': 'D',
        signing: '2',
        'signing.unit': 'H',
        remindBefore: '',
      }),
    ).toEqual({
      ok: true,
      body: { name: '演练', calendarId: 'c1', claim: '3BD', firstContact: 'PT30S', decision: 'P15D', signing: 'PT2H' },
    });
  });

  it('a duration: typed as 3 个工作日 it is stored as 3BD, and read back the same way', () => {
    expect(joinDuration('3', 'BD')).toBe('3BD');
    expect(joinDuration('1000', 'BD')).toBeUndefined();
    expect(joinDuration('0', 'H')).toBeUndefined();
    expect(joinDuration('3BD', 'ISO')).toBeUndefined();
    expect(joinDuration('p1dt2h', 'ISO')).toBe('P1DT2H');
    expect(splitDuration('3BD')).toEqual({ amount: '3', unit: 'BD' });
    expect(splitDuration('PT30S')).toEqual({ amount: '30', unit: 'S' });
    expect(splitDuration('P3D')).toEqual({ amount: '3', unit: 'D' });
    expect(splitDuration('P1DT2H')).toEqual({ amount: 'P1DT2H', unit: 'ISO' });
  });

  it('edits of a chain, a campaign and a policy send only what changed', () => {
    const chain = {
      id: 'c1',
      name: '轴承产业链',
      regionCode: '371500',
      leadBankId: 'b1',
      deputyBankId: 'b2',
      memberOrgIds: ['o2', 'o1'],
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const chainValues = { name: '轴承产业链', regionCode: '371500', leadBankId: 'b3', deputyBankId: 'b2' };
    expect(validateChainEdit({ ...chainValues, memberOrgIds: 'o1,o2' }, chain)).toEqual({
      ok: true,
      body: { leadBankId: 'b3' },
    });
    expect(validateChainEdit({ ...chainValues, memberOrgIds: 'o1' }, chain)).toEqual({
      ok: true,
      body: { leadBankId: 'b3', memberOrgIds: ['o1'] },
    });
    const campaign = {
      id: 'k1',
      name: '诊断畅通',
      kind: 'diagnose_unblock' as const,
      regionCode: '371500',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      slaPolicyId: 'p1',
      targetVisits: null,
      targetNeeds: null,
      targetSignedAmount: null,
      screening: 'none' as const,
      laggardThresholds: {},
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const campaignValues = {
      name: '诊断畅通',
      kind: 'diagnose_unblock',
      regionCode: '371500',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    };
    expect(
      validateCampaignEdit(
        { ...campaignValues, slaPolicyId: '', targetVisits: '255', targetNeeds: '', targetSignedAmount: '314.5亿' },
        campaign,
      ),
    ).toEqual({ ok: true, body: { slaPolicyId: null, targetVisits: 255, targetSignedAmount: '31450000000.00' } });
    expect(validateCampaignEdit({ ...campaignValues, slaPolicyId: 'p1', claimsOnTime: '0.80' }, campaign)).toEqual({
      ok: true,
      body: { laggardThresholds: { claimsOnTime: '0.80' } },
    });
    expect(validateCampaignEdit({ ...campaignValues, slaPolicyId: 'p1', creditedRate: '80%' }, campaign)).toEqual({
      ok: false,
      errors: { creditedRate: 'campaign.thresholdError' },
    });
    expect(validateCampaignEdit({ ...campaignValues, slaPolicyId: 'p1', targetVisits: '-1' }, campaign)).toEqual({
      ok: false,
      errors: { targetVisits: 'admin.targetCountFormat' },
    });
    const policy = {
      id: 'p1',
      name: '默认时限规则',
      calendarId: 'cal',
      screening: '3BD',
      claim: '3BD',
      firstContact: '2BD',
      decision: '15BD',
      signing: '10BD',
      repair: '10BD',
      remindBefore: '1BD',
      levelTwoAfter: '3BD',
      isDefault: true,
    };
    expect(
      validateSlaPolicyEdit(
        {
          name: '默认时限规则',
          isDefault: 'yes',
          calendarId: 'cal',
          claim: '5',
          'claim.unit': 'BD',
          firstContact: '2',
          'firstContact.unit': 'BD',
        },
        policy,
      ),
    ).toEqual({ ok: true, body: { claim: '5BD' } });
    // Unset, the default is sent as false: the API refuses it, naming isDefault (another is made the default).
    expect(validateSlaPolicyEdit({ name: '默认时限规则', calendarId: 'cal', isDefault: '' }, policy)).toEqual({
      ok: true,
      body: { isDefault: false },
    });
  });

  it('an enterprise: an 18-character credit code, a size, and its place when it is on a chain', () => {
    const enterprise = { name: '郑州重工', regionCode: '410100', size: 'large' };
    expect(validateEnterprise({ ...enterprise, uscc: '91410100MA12345' })).toEqual({
      ok: false,
      errors: { uscc: 'admin.usccFormat' },
    });
    // The 18th character is the GB 32100-2015 check character: J for these 17, so X is refused.
    expect(validateEnterprise({ ...enterprise, uscc: '91410100MA1234567X' })).toEqual({
      ok: false,
      errors: { uscc: 'admin.usccFormat' },
    });
    expect(validateEnterprise({ ...enterprise, uscc: '91410100ma1234567j', chainId: 'c1' })).toEqual({
      ok: false,
      errors: { chainRole: 'admin.pickChainRole' },
    });
    expect(
      validateEnterprise({ ...enterprise, uscc: ' 91410100ma1234567j ', chainId: 'c1', chainRole: 'leader' }),
    ).toEqual({
      ok: true,
      body: { ...enterprise, uscc: '91410100MA1234567J', chainId: 'c1', chainRole: 'leader' },
    });
  });

  it('a calendar: holidays and make-up workdays as dates, never the same day twice', () => {
    expect(validateCalendar({ name: '2026', holidays: '2026-10-01, 2026-10-02', workdays: '2026-10-01' })).toEqual({
      ok: false,
      errors: { workdays: 'admin.dayTwice' },
    });
    expect(validateCalendar({ name: '', holidays: '2026-13-01', workdays: '' })).toEqual({
      ok: false,
      errors: { name: 'form.required', holidays: 'admin.daysFormat' },
    });
    expect(
      validateCalendar({ name: '2026', holidays: '2026-10-02，2026-10-01\n2026-10-01', workdays: '2026-09-27' }),
    ).toEqual({
      ok: true,
      body: { name: '2026', holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-09-27'] },
    });
  });

  describe('edits: the create form, prefilled, sending only what changed', () => {
    function OrganizationEdit({
      onSubmit,
      onCancel,
      serverErrors,
    }: {
      onSubmit: (body: UpdateOrganizationBody) => void;
      onCancel: () => void;
      serverErrors?: Record<string, string>;
    }): ReactNode {
      const [values, setValues] = useState<FormValues>({ name: '郑州银行' });
      return (
        <I18nProvider locale="zh-CN">
          <AdminForm
            title="admin.edit"
            heading="编辑“郑州银行”"
            submitLabel="admin.save"
            fields={[
              { name: 'name', label: 'admin.name', required: true },
              { name: 'webhookUrl', label: 'admin.webhookUrl' },
              { name: 'webhookSecret', label: 'admin.webhookSecret', type: 'password' },
            ]}
            values={values}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            validate={(v) => validateOrganizationEdit(v, { name: '郑州银行', webhookConfigured: false })}
            onSubmit={onSubmit}
            onCancel={onCancel}
            {...(serverErrors ? { serverErrors } : {})}
          />
        </I18nProvider>
      );
    }

    it('an organization: prefilled, checked before it is sent, the API’s errors beside the fields', () => {
      const onSubmit = jest.fn();
      const onCancel = jest.fn();
      render(<OrganizationEdit onSubmit={onSubmit} onCancel={onCancel} serverErrors={{ name: 'is taken' }} />);
      const form = screen.getByRole('form', { name: '编辑“郑州银行”' });
      expect(form).toBeTruthy();
      expect(screen.getByLabelText<HTMLInputElement>(/^名称/u).value).toBe('郑州银行');
      expect(errorOf(screen.getByLabelText(/^名称/u))).toBe('is taken');
      fireEvent.change(screen.getByLabelText(/^名称/u), { target: { value: ' ' } });
      fireEvent.change(screen.getByLabelText(/^Webhook 地址/u), { target: { value: 'ftp://bank.test/hook' } });
      fireEvent.change(screen.getByLabelText(/^Webhook 密钥/u), { target: { value: 'short' } });
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
      expect(onSubmit).not.toHaveBeenCalled();
      expect(errorOf(screen.getByLabelText(/^名称/u))).toBe('必填。');
      expect(errorOf(screen.getByLabelText(/^Webhook 地址/u))).toBe('请输入以 http:// 或 https:// 开头的地址。');
      expect(errorOf(screen.getByLabelText(/^Webhook 密钥/u))).toBe('至少 16 个字符。');

      fireEvent.change(screen.getByLabelText(/^名称/u), { target: { value: '郑州银行' } });
      fireEvent.change(screen.getByLabelText(/^Webhook 地址/u), { target: { value: 'https://bank.test/hook' } });
      fireEvent.change(screen.getByLabelText(/^Webhook 密钥/u), { target: { value: 'a-secret-of-16-chars' } });
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
      expect(onSubmit).toHaveBeenCalledWith({
        webhookUrl: 'https://bank.test/hook',
        webhookSecret: 'a-secret-of-16-chars',
      });
      fireEvent.click(screen.getByRole('button', { name: '取消' }));
      expect(onCancel).toHaveBeenCalled();
    });

    it('an organization: a new URL needs a secret unless one is set; removing sends null', () => {
      const bank = { name: '郑州银行', webhookConfigured: false };
      expect(validateOrganizationEdit({ name: '郑州银行', webhookUrl: 'http://hook.test' }, bank)).toEqual({
        ok: false,
        errors: { webhookSecret: 'form.required' },
      });
      expect(
        validateOrganizationEdit(
          { name: '郑州银行', webhookUrl: 'http://hook.test' },
          { ...bank, webhookConfigured: true },
        ),
      ).toEqual({ ok: true, body: { webhookUrl: 'http://hook.test' } });
      expect(validateOrganizationEdit({ name: ' 中原银行 ', webhook: 'remove' }, bank)).toEqual({
        ok: true,
        body: { name: '中原银行', webhookUrl: null },
      });
      expect(
        validateOrganizationEdit({ name: '郑州银行', webhook: 'remove', webhookUrl: 'http://hook.test' }, bank),
      ).toEqual({ ok: false, errors: { webhookUrl: 'admin.webhookRemoveOrSet' } });
      expect(validateOrganizationEdit({ name: '郑州银行' }, bank)).toEqual({ ok: true, body: {} });
    });

    it('an enterprise: its credit code stays; leaving its chain sends null; a chain needs a role', () => {
      const enterprise = {
        id: 'e1',
        uscc: '91410100MA1234567X',
        name: '郑州重工',
        regionCode: '410100',
        size: 'large' as const,
        chainId: 'c1',
        chainRole: 'leader' as const,
        tags: [],
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      };
      const values = { name: '郑州重工', regionCode: '410100', size: 'large', chainId: 'c1', chainRole: 'leader' };
      expect(validateEnterpriseEdit(values, enterprise)).toEqual({ ok: true, body: {} });
      expect(validateEnterpriseEdit({ ...values, name: '', chainId: 'c2', chainRole: '' }, enterprise)).toEqual({
        ok: false,
        errors: { name: 'form.required', chainRole: 'admin.pickChainRole' },
      });
      expect(
        validateEnterpriseEdit({ ...values, size: 'medium', chainId: '', chainRole: 'leader' }, enterprise),
      ).toEqual({ ok: true, body: { size: 'medium', chainId: null, chainRole: null } });
    });

    it('a calendar: the same checks as a new one; the days compare by content', () => {
      const calendar = {
        id: 'k1',
        name: '2026',
        timeZone: 'Asia/Shanghai',
        holidays: ['2026-10-02', '2026-10-01'],
        workdays: ['2026-09-27'],
      };
      expect(
        validateCalendarEdit({ name: '2026', holidays: '2026-10-01, 2026-10-02', workdays: '2026-09-27' }, calendar),
      ).toEqual({ ok: true, body: {} });
      expect(validateCalendarEdit({ name: '2026', holidays: '2026-10-01', workdays: '2026-10-01' }, calendar)).toEqual({
        ok: false,
        errors: { workdays: 'admin.dayTwice' },
      });
      expect(
        validateCalendarEdit(
          { name: '2026 国庆', holidays: '2026-10-01 2026-10-02 2026-10-03', workdays: '2026-09-27' },
          calendar,
        ),
      ).toEqual({ ok: true, body: { name: '2026 国庆', holidays: ['2026-10-01', '2026-10-02', '2026-10-03'] } });
      expect(changedOnly({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual({});
    });
  });

  it('a user’s password may not hold the email’s name; an edit sends only what changed, null for no scope', () => {
    expect(validateUser({ email: 'zhou@bank.test', name: '周', password: 'ZHOU-secret-2026', role: 'admin' })).toEqual({
      ok: false,
      errors: { password: 'account.containsEmail' },
    });
    const user = {
      id: 'u1',
      email: 'zhou@bank.test',
      name: '周经理',
      role: 'bank_manager' as const,
      organizationId: 'o1',
      regionCode: '410100',
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const same = { name: '周经理', role: 'bank_manager', organizationId: 'o1', regionCode: '410100' };
    expect(validateUserEdit(same, user)).toEqual({ ok: true, body: {} });
    expect(validateUserEdit({ ...same, organizationId: 'o2', regionCode: '410000' }, user)).toEqual({
      ok: true,
      body: { organizationId: 'o2', regionCode: '410000' },
    });
    expect(validateUserEdit({ ...same, role: 'admin', organizationId: '', regionCode: '' }, user)).toEqual({
      ok: true,
      body: { role: 'admin', organizationId: null, regionCode: null },
    });
    expect(validateUserEdit({ ...same, role: 'supervisor', organizationId: '' }, user)).toEqual({
      ok: false,
      errors: { organizationId: 'admin.pickOrganization' },
    });
  });
});
