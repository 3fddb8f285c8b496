import { newUscc } from './fixtures';
import { ADMIN, type Stack } from './stack';

export interface StackWorld {
  admin: string;
  officer: string;
  leadManager: string;
  deputyManager: string;
  supervisor: string;
  leadBankId: string;
  deputyBankId: string;
  enterpriseId: string;
  campaignId: string;
  visitId: string;
}

/** A small world over HTTP, with a campaign on a seconds-scale SLA policy. */
export async function buildStackWorld(stack: Stack, policy: Record<string, string>): Promise<StackWorld> {
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
  const regulatorId = await stack.created('/organizations', admin, {
    kind: 'regulator',
    name: '人民银行郑州分行',
    regionCode: '410100',
  });
  const chainId = await stack.created('/industrial-chains', admin, {
    name: '装备制造',
    regionCode: '410100',
    leadBankId,
    deputyBankId,
    memberOrgIds: [memberId],
  });
  const enterpriseId = await stack.created('/enterprises', admin, {
    uscc: newUscc('410100'),
    name: '郑州重工',
    regionCode: '410100',
    chainId,
    chainRole: 'leader',
    size: 'large',
  });
  const calendars = await stack.http<{ items: { id: string }[] }>('GET', '/calendars', admin);
  const calendarId = String(calendars.body.items[0]?.id);
  const slaPolicyId = await stack.created('/sla-policies', admin, { name: 'seconds', calendarId, ...policy });
  const today = new Date().toISOString().slice(0, 10);
  const campaignId = await stack.created('/campaigns', admin, {
    name: '秒级演练',
    kind: 'diagnose_unblock',
    regionCode: '410000',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    slaPolicyId,
  });
  const user = async (role: string, organizationId: string, regionCode: string): Promise<string> => {
    const email = `${role}-${Math.random().toString(36).slice(2)}@e2e.test`;
    await stack.created('/users', admin, {
      email,
      name: role,
      password: 'e2e-user-password',
      role,
      organizationId,
      regionCode,
    });
    return stack.login(email, 'e2e-user-password');
  };
  const officer = await user('field_officer', regulatorId, '410100');
  const visitId = await stack.created('/visits', officer, {
    campaignId,
    enterpriseId,
    kind: 'on_site_diagnosis',
    visitedOn: today < '2026-01-01' ? '2026-01-01' : today,
  });
  return {
    admin,
    officer,
    leadManager: await user('bank_manager', leadBankId, '410100'),
    deputyManager: await user('bank_manager', deputyBankId, '410100'),
    supervisor: await user('supervisor', regulatorId, '410000'),
    leadBankId,
    deputyBankId,
    enterpriseId,
    campaignId,
    visitId,
  };
}

export async function newCase(stack: Stack, world: StackWorld): Promise<string> {
  return stack.created('/cases', world.officer, {
    visitId: world.visitId,
    requestedAmount: '1000000.00',
    purpose: 'working_capital',
    term: 'short',
    bottlenecks: ['slow_approval'],
  });
}
