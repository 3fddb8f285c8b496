import { newUscc } from '../../support/fixtures';
import { ADMIN, type Stack } from '../../support/stack';

export interface WebUser {
  email: string;
  password: string;
  name: string;
  token: string;
}

/** A small world for the browser tests: people of each role who sign in with a password. */
export interface WebWorld {
  admin: string;
  officer: WebUser;
  leadManager: WebUser;
  deputyManager: WebUser;
  supervisor: WebUser;
  regulatorName: string;
  leadBankId: string;
  deputyBankId: string;
  chainId: string;
  campaignId: string;
  campaignName: string;
  enterprise: { id: string; name: string; uscc: string };
}

export const WEB_PASSWORD = 'web-user-password';

export async function buildWebWorld(stack: Stack, policy: Record<string, string> = {}): Promise<WebWorld> {
  const admin = await stack.login(ADMIN.email, ADMIN.password);
  await stack.created('/regions', admin, { code: '410000', name: '河南省' });
  await stack.created('/regions', admin, { code: '410100', name: '郑州市', parentCode: '410000' });
  const leadBankId = await stack.created('/organizations', admin, {
    kind: 'bank',
    name: '郑州银行',
    regionCode: '410100',
  });
  const deputyBankId = await stack.created('/organizations', admin, {
    kind: 'bank',
    name: '中原银行',
    regionCode: '410100',
  });
  const memberId = await stack.created('/organizations', admin, {
    kind: 'institution',
    name: '中原证券',
    regionCode: '410100',
  });
  const regulatorName = '人民银行郑州分行';
  const regulatorId = await stack.created('/organizations', admin, {
    kind: 'regulator',
    name: regulatorName,
    regionCode: '410100',
  });
  const chainId = await stack.created('/industrial-chains', admin, {
    name: '装备制造',
    regionCode: '410100',
    leadBankId,
    deputyBankId,
    memberOrgIds: [memberId],
  });
  const uscc = newUscc('410100');
  const enterprise = { name: '郑州重工装备有限公司', uscc, id: '' };
  enterprise.id = await stack.created('/enterprises', admin, {
    uscc,
    name: enterprise.name,
    regionCode: '410100',
    chainId,
    chainRole: 'leader',
    size: 'large',
  });
  let slaPolicyId: string | undefined;
  if (Object.keys(policy).length > 0) {
    const calendars = await stack.http<{ items: { id: string }[] }>('GET', '/calendars', admin);
    slaPolicyId = await stack.created('/sla-policies', admin, {
      name: 'browser',
      calendarId: String(calendars.body.items[0]?.id),
      ...policy,
    });
  }
  const campaignName = '金融助企·诊断畅通';
  const campaignId = await stack.created('/campaigns', admin, {
    name: campaignName,
    kind: 'diagnose_unblock',
    regionCode: '410000',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    ...(slaPolicyId ? { slaPolicyId } : {}),
  });
  const user = async (role: string, name: string, organizationId: string, regionCode: string): Promise<WebUser> => {
    const email = `${role}-${Math.random().toString(36).slice(2)}@web.test`;
    await stack.created('/users', admin, { email, name, password: WEB_PASSWORD, role, organizationId, regionCode });
    return { email, password: WEB_PASSWORD, name, token: await stack.login(email, WEB_PASSWORD) };
  };
  return {
    admin,
    officer: await user('field_officer', '王走访', regulatorId, '410100'),
    leadManager: await user('bank_manager', '李经理', leadBankId, '410100'),
    deputyManager: await user('bank_manager', '张经理', deputyBankId, '410100'),
    supervisor: await user('supervisor', '赵监管', regulatorId, '410000'),
    regulatorName,
    leadBankId,
    deputyBankId,
    chainId,
    campaignId,
    campaignName,
    enterprise,
  };
}
