import type { Role } from '@unblock/domain';
import { diagnose, recordVisit } from '../../support/case-fixtures';
import { buildWorld, type World } from '../../support/fixtures';
import type { TestApi } from '../../support/test-api';

export type Scope = 'in scope' | 'out of scope';
export const SCOPES: readonly Scope[] = ['in scope', 'out of scope'];

/** A signed-in user of the tests. */
export interface Person {
  readonly token: string;
  readonly userId: string;
  readonly email: string;
  readonly password: string;
}

/** The states a case is prepared in for an action. */
/**
 * `contacted`: claimed, with a contacted milestone (approval comes after contact); `submitted`: a need of a
 * campaign with screening, waiting for it.
 */
export type CaseState =
  'diagnosed' | 'submitted' | 'assigned' | 'claimed' | 'contacted' | 'paused' | 'approved' | 'repairing';

/** One side of the world: Henan's objects are in the callers' scope, Hubei's out of it. */
export interface Side {
  readonly officer: Person;
  readonly manager: Person;
  readonly supervisor: Person;
  readonly bankId: string;
  readonly enterpriseId: string;
  readonly campaignId: string;
  readonly chainId: string;
  readonly regionCode: string;
  readonly visitId: string;
  /** A government department of the side, whose partner officers repair. */
  readonly departmentId: string;
}

/**
 * The world the authorization table runs on: the callers (one per role, all on the Henan side: an
 * officer and a bank manager of Zhengzhou, a supervisor of Henan, an admin), and each side's objects and
 * people, who make what a row needs through the API as its users would.
 */
export interface AccessContext {
  readonly api: TestApi;
  readonly world: World;
  readonly callers: Readonly<Record<Role, Person>>;
  readonly side: Readonly<Record<Scope, Side>>;
  /** A calendar and an SLA policy of the admin's, for the rows that read and change them. */
  readonly calendarId: string;
  readonly slaPolicyId: string;
  /** A new case of the side, taken to `state` by its officer and bank manager. */
  caseIn(scope: Scope, state: CaseState): Promise<string>;
  /** A new user of the role on the side, for a row that changes an account. */
  newPerson(scope: Scope, role: Role): Promise<Person>;
  /** A new notification of the user (as the notifier writes one). */
  notificationOf(person: Person): Promise<string>;
  /** A new repair task of the side's department, on a new case declined for a repairable reason. */
  repairIn(scope: Scope): Promise<string>;
  /** A new level-1 escalation of a new case of the side, as the SLA opens one. */
  escalationIn(scope: Scope): Promise<string>;
  /** A new visits import uploaded by the person (a field officer or bank manager) or, for an admin, an enterprises one. */
  importBy(person: Person, kind: 'visits' | 'enterprises'): Promise<string>;
}

function ok(what: string, response: { status: number; body: unknown }, status: number): void {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
}

export async function buildAccessContext(api: TestApi): Promise<AccessContext> {
  const world = await buildWorld(api);
  const department = async (name: string, regionCode: string): Promise<string> => {
    const response = await api.request('POST', '/api/v1/organizations', {
      token: world.adminToken,
      body: { kind: 'government_department', name, regionCode },
    });
    ok('department', response, 201);
    return String(response.body['id']);
  };
  const departmentIds: Record<Scope, string> = {
    'in scope': await department('郑州市税务局', '410100'),
    'out of scope': await department('武汉市税务局', '420100'),
  };
  const person = (role: Role, organizationId: string | null, regionCode: string | null): Promise<Person> =>
    api.userToken(role, { organizationId, regionCode });
  const callers: Record<Role, Person> = {
    admin: await person('admin', null, null),
    field_officer: await person('field_officer', world.regulatorId, '410100'),
    bank_manager: await person('bank_manager', world.henanBankId, '410100'),
    supervisor: await person('supervisor', world.regulatorId, '410000'),
    partner_officer: await person('partner_officer', departmentIds['in scope'], '410100'),
  };
  const hubeiOfficer = await person('field_officer', world.regulatorId, '420100');
  const side: Record<Scope, Side> = {
    'in scope': {
      officer: callers.field_officer,
      manager: callers.bank_manager,
      supervisor: callers.supervisor,
      bankId: world.henanBankId,
      enterpriseId: world.henanEnterpriseId,
      campaignId: world.provinceCampaignId,
      chainId: world.henanChainId,
      regionCode: '410100',
      departmentId: departmentIds['in scope'],
      visitId: await recordVisit(api, callers.field_officer.token, {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
      }),
    },
    'out of scope': {
      officer: hubeiOfficer,
      manager: await person('bank_manager', world.hubeiBankId, '420100'),
      supervisor: await person('supervisor', world.regulatorId, '420000'),
      bankId: world.hubeiBankId,
      enterpriseId: world.hubeiEnterpriseId,
      campaignId: world.hubeiCampaignId,
      chainId: world.hubeiChainId,
      regionCode: '420100',
      departmentId: departmentIds['out of scope'],
      visitId: await recordVisit(api, hubeiOfficer.token, {
        campaignId: world.hubeiCampaignId,
        enterpriseId: world.hubeiEnterpriseId,
      }),
    },
  };

  const created = async (path: string, body: object): Promise<string> => {
    const response = await api.request('POST', `/api/v1/${path}`, { token: callers.admin.token, body });
    ok(path, response, 201);
    return String(response.body['id']);
  };
  const calendarId = await created('calendars', { name: '授权测试日历', holidays: [], workdays: [] });
  const slaPolicyId = await created('sla-policies', {
    name: '授权测试策略',
    calendarId,
    claim: 'PT1H',
    decision: '5BD',
  });

  const newPerson = (scope: Scope, role: Role): Promise<Person> => {
    const hubei = scope === 'out of scope';
    const organizationId =
      role === 'admin'
        ? null
        : role === 'bank_manager'
          ? hubei
            ? world.hubeiBankId
            : world.henanBankId
          : role === 'partner_officer'
            ? departmentIds[scope]
            : world.regulatorId;
    return person(role, organizationId, role === 'admin' ? null : hubei ? '420100' : '410100');
  };

  const screeningCampaignIds: Record<Scope, string> = {
    'in scope': await created('campaigns', {
      name: '河南申报筛查',
      kind: 'other',
      regionCode: '410000',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      screening: 'required',
    }),
    'out of scope': await created('campaigns', {
      name: '湖北申报筛查',
      kind: 'other',
      regionCode: '420000',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      screening: 'required',
    }),
  };

  const caseIn = async (scope: Scope, state: CaseState): Promise<string> => {
    const s = side[scope];
    if (state === 'submitted') {
      const response = await api.request('POST', '/api/v1/cases', {
        token: s.officer.token,
        body: {
          source: 'phone',
          enterpriseId: s.enterpriseId,
          campaignId: screeningCampaignIds[scope],
          requestedAmount: '2000000.00',
          purpose: 'working_capital',
          term: 'short',
          bottlenecks: ['collateral_shortage'],
        },
      });
      ok('submitted need', response, 201);
      return String(response.body['id']);
    }
    const id = String(
      (await diagnose(api, s.officer.token, { visitId: s.visitId, route: state !== 'diagnosed' }))['id'],
    );
    const step = async (action: string, body: object = {}): Promise<void> =>
      ok(action, await api.request('POST', `/api/v1/cases/${id}/${action}`, { token: s.manager.token, body }), 200);
    if (state === 'repairing') {
      await step('decline', { reason: 'tax_arrears' });
      return id;
    }
    if (state !== 'diagnosed' && state !== 'assigned') await step('claim');
    if (state === 'contacted' || state === 'approved') await step('milestones', { type: 'contacted' });
    if (state === 'paused') await step('pause');
    if (state === 'approved') await step('approve');
    return id;
  };

  const repairIn = async (scope: Scope): Promise<string> => {
    const caseId = await caseIn(scope, 'repairing');
    const response = await api.request('POST', `/api/v1/cases/${caseId}/repairs`, {
      token: side[scope].supervisor.token,
      body: { organizationId: side[scope].departmentId, note: '补缴欠税' },
    });
    ok('repair task', response, 201);
    return String(response.body['id']);
  };

  const notificationOf = async (p: Person): Promise<string> => {
    const [row] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO notifications (user_id, kind, title, data, idempotency_key)
       VALUES ($1, 'assignment', '测试通知', '{}', gen_random_uuid()::text) RETURNING id`,
      [p.userId],
    );
    if (!row) throw new Error('no notification');
    return row.id;
  };

  const escalationIn = async (scope: Scope): Promise<string> => {
    const caseId = await caseIn(scope, 'assigned');
    const [row] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO escalations (case_id, obligation_id, obligation, level, status, opened_at, due_at, bank_id,
                                chain_id, region_code)
       SELECT o.case_id, o.id, o.obligation, 1, 'open', now(), o.due_at, c.assigned_bank_id, c.chain_id, c.region_code
         FROM case_obligations o JOIN cases c ON c.id = o.case_id
        WHERE o.case_id = $1 AND o.met_at IS NULL AND o.cancelled_at IS NULL
        LIMIT 1
       RETURNING id`,
      [caseId],
    );
    if (!row) throw new Error('no escalation');
    return row.id;
  };

  const importBy = async (p: Person, kind: 'visits' | 'enterprises'): Promise<string> => {
    const csv =
      kind === 'visits'
        ? `campaignId,enterpriseId,visitedOn,kind\n${world.provinceCampaignId},${world.henanEnterpriseId},2026-06-01,follow_up\n`
        : 'uscc,name,regionCode,size\n91110000600037341L,示例企业,420100,large\n';
    const response = await api.request('POST', `/api/v1/imports/${kind}`, {
      token: p.token,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    ok(`import of ${kind}`, response, 202);
    return String(response.body['id']);
  };

  return {
    api,
    world,
    callers,
    side,
    calendarId,
    slaPolicyId,
    newPerson,
    caseIn,
    notificationOf,
    escalationIn,
    repairIn,
    importBy,
  };
}
