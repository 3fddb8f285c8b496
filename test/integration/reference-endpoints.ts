import type { Role } from '@unblock/domain';
import { newCountyCode, newUscc, type World } from '../support/fixtures';

/**
 * Every reference-data and identity endpoint, described once: who may call it, a valid request, and bad
 * requests with the field each must name. The matrix spec generates its tests from this table.
 */
export interface BadRequest {
  readonly why: string;
  readonly body: (w: World) => Record<string, unknown>;
  readonly field: string;
  /** 400 unless said otherwise. */
  readonly status?: number;
}

export interface Endpoint {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly url: (w: World) => string;
  readonly roles: readonly Role[] | 'public';
  readonly success: number;
  readonly body?: (w: World) => Record<string, unknown>;
  readonly bad?: readonly BadRequest[];
  /** Tables whose row counts a refused request must leave as they were. */
  readonly tables?: readonly string[];
}

const EVERYONE: readonly Role[] = ['admin', 'field_officer', 'bank_manager', 'supervisor'];
const ADMIN: readonly Role[] = ['admin'];
const NOT_A_UUID = 'not-a-uuid';
const NOBODY = '00000000-0000-4000-8000-000000000000';

export const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', path: '/health', url: () => '/api/v1/health', roles: 'public', success: 200 },
  { method: 'GET', path: '/me', url: () => '/api/v1/me', roles: EVERYONE, success: 200 },
  {
    method: 'GET',
    path: '/regions',
    url: () => '/api/v1/regions?within=410000&limit=5',
    roles: EVERYONE,
    success: 200,
  },
  { method: 'GET', path: '/regions/:code', url: () => '/api/v1/regions/410100', roles: EVERYONE, success: 200 },
  {
    method: 'POST',
    path: '/regions',
    url: () => '/api/v1/regions',
    roles: ADMIN,
    success: 201,
    body: () => ({ code: newCountyCode('410100'), name: '新区', parentCode: '410100' }),
    tables: ['regions'],
    bad: [
      { why: 'a five-digit code', body: () => ({ code: '41010', name: 'x' }), field: 'code' },
      { why: 'a code with a letter', body: () => ({ code: '41010a', name: 'x' }), field: 'code' },
      { why: 'an empty name', body: () => ({ code: newCountyCode(), name: '   ' }), field: 'name' },
      { why: 'a name that is a number', body: () => ({ code: newCountyCode(), name: 7 }), field: 'name' },
      {
        why: 'a parent that does not exist',
        body: () => ({ code: '430100', name: 'x', parentCode: '430000' }),
        field: 'parentCode',
      },
      {
        why: 'a parent that does not cover it',
        body: () => ({ code: '420105', name: 'x', parentCode: '410100' }),
        field: 'parentCode',
      },
      { why: 'an unknown key', body: () => ({ code: newCountyCode(), name: 'x', population: 1 }), field: 'population' },
      {
        why: 'a code that exists',
        body: () => ({ code: '410100', name: 'x', parentCode: '410000' }),
        field: 'code',
        status: 409,
      },
    ],
  },
  {
    method: 'GET',
    path: '/organizations',
    url: () => '/api/v1/organizations?kind=bank',
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'GET',
    path: '/organizations/:id',
    url: (w) => `/api/v1/organizations/${w.henanBankId}`,
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'POST',
    path: '/organizations',
    url: () => '/api/v1/organizations',
    roles: ADMIN,
    success: 201,
    body: () => ({ kind: 'bank', name: `银行${Math.random().toString(36).slice(2)}`, regionCode: '410100' }),
    tables: ['organizations'],
    bad: [
      {
        why: 'a kind outside the list',
        body: () => ({ kind: 'hospital', name: 'x', regionCode: '410100' }),
        field: 'kind',
      },
      { why: 'a bad region code', body: () => ({ kind: 'bank', name: 'x', regionCode: '12' }), field: 'regionCode' },
      {
        why: 'a region that does not exist',
        body: () => ({ kind: 'bank', name: 'x', regionCode: '430000' }),
        field: 'regionCode',
      },
      { why: 'no name', body: () => ({ kind: 'bank', regionCode: '410100' }), field: 'name' },
      {
        why: 'a name that exists',
        body: () => ({ kind: 'bank', name: '郑州银行', regionCode: '410100' }),
        field: 'name',
        status: 409,
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/organizations/:id',
    url: (w) => `/api/v1/organizations/${w.institutionId}`,
    roles: ADMIN,
    success: 200,
    body: () => ({ webhookUrl: 'http://127.0.0.1:9/hooks', webhookSecret: 'a-secret-of-sixteen-plus' }),
    tables: ['organizations'],
    bad: [
      {
        why: 'a webhook URL that is not a URL',
        body: () => ({ webhookUrl: 'not a url', webhookSecret: 'a-secret-of-sixteen-plus' }),
        field: 'webhookUrl',
      },
      {
        why: 'a webhook URL of another scheme',
        body: () => ({ webhookUrl: 'ftp://example.com/x', webhookSecret: 'a-secret-of-sixteen-plus' }),
        field: 'webhookUrl',
      },
      {
        why: 'a short secret',
        body: () => ({ webhookUrl: 'https://example.com/x', webhookSecret: 'short' }),
        field: 'webhookSecret',
      },
      {
        why: 'a secret that is a number',
        body: () => ({ webhookUrl: 'https://example.com/x', webhookSecret: 1234567890123456 }),
        field: 'webhookSecret',
      },
      { why: 'a kind (it never changes)', body: () => ({ kind: 'bank' }), field: 'kind' },
    ],
  },
  { method: 'GET', path: '/calendars', url: () => '/api/v1/calendars', roles: EVERYONE, success: 200 },
  {
    method: 'POST',
    path: '/calendars',
    url: () => '/api/v1/calendars',
    roles: ADMIN,
    success: 201,
    body: () => ({ name: `日历${Math.random().toString(36).slice(2)}`, holidays: ['2027-01-01'], workdays: [] }),
    tables: ['calendars'],
    bad: [
      { why: 'a holiday that is not a date', body: () => ({ name: 'x', holidays: ['2027-02-30'] }), field: 'holidays' },
      { why: 'holidays that are not a list', body: () => ({ name: 'x', holidays: '2027-01-01' }), field: 'holidays' },
      { why: 'no name', body: () => ({ holidays: [] }), field: 'name' },
    ],
  },
  { method: 'GET', path: '/sla-policies', url: () => '/api/v1/sla-policies', roles: EVERYONE, success: 200 },
  {
    method: 'POST',
    path: '/sla-policies',
    url: () => '/api/v1/sla-policies',
    roles: ADMIN,
    success: 201,
    body: (w) => ({
      name: `策略${Math.random().toString(36).slice(2)}`,
      calendarId: w.calendarId,
      claim: 'PT30S',
      decision: '5BD',
    }),
    tables: ['sla_policies'],
    bad: [
      {
        why: 'a duration that is neither',
        body: (w) => ({ name: 'x', calendarId: w.calendarId, claim: '3 days' }),
        field: 'claim',
      },
      {
        why: 'a negative duration',
        body: (w) => ({ name: 'x', calendarId: w.calendarId, signing: '-1BD' }),
        field: 'signing',
      },
      { why: 'a calendar that does not exist', body: () => ({ name: 'x', calendarId: NOBODY }), field: 'calendarId' },
      { why: 'a calendar id that is not a uuid', body: () => ({ name: 'x', calendarId: 'cal' }), field: 'calendarId' },
    ],
  },
  {
    method: 'GET',
    path: '/escalations',
    url: () => '/api/v1/escalations?level=1&status=open',
    roles: ['admin', 'supervisor'],
    success: 200,
  },
  {
    method: 'GET',
    path: '/me/notifications',
    url: () => '/api/v1/me/notifications?unread=true',
    roles: EVERYONE,
    success: 200,
  },
  { method: 'GET', path: '/users', url: () => '/api/v1/users?role=admin', roles: ADMIN, success: 200 },
  { method: 'GET', path: '/users/:id', url: () => `/api/v1/users/${NOBODY}`, roles: ADMIN, success: 404 },
  {
    method: 'POST',
    path: '/users',
    url: () => '/api/v1/users',
    roles: ADMIN,
    success: 201,
    body: (w) => ({
      email: `m${Math.random().toString(36).slice(2)}@bank.test`,
      name: '客户经理',
      password: 'a-long-enough-password',
      role: 'bank_manager',
      organizationId: w.henanBankId,
      regionCode: '410100',
    }),
    tables: ['users'],
    bad: [
      {
        why: 'a bad email',
        body: (w) => ({
          email: 'x',
          name: 'n',
          password: 'a-long-enough-password',
          role: 'supervisor',
          organizationId: w.regulatorId,
          regionCode: '410000',
        }),
        field: 'email',
      },
      {
        why: 'a short password',
        body: (w) => ({
          email: 'a@b.test',
          name: 'n',
          password: 'short',
          role: 'supervisor',
          organizationId: w.regulatorId,
          regionCode: '410000',
        }),
        field: 'password',
      },
      {
        why: 'an unknown role',
        body: (w) => ({
          email: 'a@b.test',
          name: 'n',
          password: 'a-long-enough-password',
          role: 'root',
          organizationId: w.regulatorId,
          regionCode: '410000',
        }),
        field: 'role',
      },
      {
        why: 'a bank manager of a regulator',
        body: (w) => ({
          email: 'a@b.test',
          name: 'n',
          password: 'a-long-enough-password',
          role: 'bank_manager',
          organizationId: w.regulatorId,
          regionCode: '410000',
        }),
        field: 'role',
      },
      {
        why: 'no organization',
        body: () => ({
          email: 'a@b.test',
          name: 'n',
          password: 'a-long-enough-password',
          role: 'field_officer',
          regionCode: '410000',
        }),
        field: 'organizationId',
      },
      {
        why: 'an organization id that is not a uuid',
        body: () => ({
          email: 'a@b.test',
          name: 'n',
          password: 'a-long-enough-password',
          role: 'field_officer',
          organizationId: NOT_A_UUID,
          regionCode: '410000',
        }),
        field: 'organizationId',
      },
      {
        why: 'an organization that does not exist',
        body: () => ({
          email: 'a@b.test',
          name: 'n',
          password: 'a-long-enough-password',
          role: 'field_officer',
          organizationId: NOBODY,
          regionCode: '410000',
        }),
        field: 'organizationId',
      },
      {
        why: 'no region',
        body: (w) => ({
          email: 'a@b.test',
          name: 'n',
          password: 'a-long-enough-password',
          role: 'field_officer',
          organizationId: w.regulatorId,
        }),
        field: 'regionCode',
      },
    ],
  },
  { method: 'GET', path: '/industrial-chains', url: () => '/api/v1/industrial-chains', roles: EVERYONE, success: 200 },
  {
    method: 'GET',
    path: '/industrial-chains/:id',
    url: (w) => `/api/v1/industrial-chains/${w.henanChainId}`,
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'POST',
    path: '/industrial-chains',
    url: () => '/api/v1/industrial-chains',
    roles: ADMIN,
    success: 201,
    body: (w) => ({
      name: `链${Math.random().toString(36).slice(2)}`,
      regionCode: '410100',
      leadBankId: w.henanBankId,
      deputyBankId: w.henanBank2Id,
      memberOrgIds: [w.institutionId, w.hubeiBankId],
    }),
    tables: ['industrial_chains', 'industrial_chain_members'],
    bad: [
      {
        why: 'a lead bank that is a regulator',
        body: (w) => ({ name: 'x', regionCode: '410100', leadBankId: w.regulatorId, deputyBankId: w.henanBank2Id }),
        field: 'leadBankId',
      },
      {
        why: 'the deputy equal to the lead',
        body: (w) => ({ name: 'x', regionCode: '410100', leadBankId: w.henanBankId, deputyBankId: w.henanBankId }),
        field: 'deputyBankId',
      },
      {
        why: 'a member id that is not a uuid',
        body: (w) => ({
          name: 'x',
          regionCode: '410100',
          leadBankId: w.henanBankId,
          deputyBankId: w.henanBank2Id,
          memberOrgIds: [NOT_A_UUID],
        }),
        field: 'memberOrgIds',
      },
      {
        why: 'a member that does not exist',
        body: (w) => ({
          name: 'x',
          regionCode: '410100',
          leadBankId: w.henanBankId,
          deputyBankId: w.henanBank2Id,
          memberOrgIds: [NOBODY],
        }),
        field: 'memberOrgIds',
      },
      {
        why: 'members that are not a list',
        body: (w) => ({
          name: 'x',
          regionCode: '410100',
          leadBankId: w.henanBankId,
          deputyBankId: w.henanBank2Id,
          memberOrgIds: w.institutionId,
        }),
        field: 'memberOrgIds',
      },
      {
        why: 'no deputy',
        body: (w) => ({ name: 'x', regionCode: '410100', leadBankId: w.henanBankId }),
        field: 'deputyBankId',
      },
    ],
  },
  { method: 'GET', path: '/enterprises', url: () => '/api/v1/enterprises?size=large', roles: EVERYONE, success: 200 },
  {
    method: 'GET',
    path: '/enterprises/:id',
    url: (w) => `/api/v1/enterprises/${w.henanEnterpriseId}`,
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'POST',
    path: '/enterprises',
    url: () => '/api/v1/enterprises',
    roles: ADMIN,
    success: 201,
    body: (w) => ({
      uscc: newUscc('410102'),
      name: '企业',
      regionCode: '410102',
      chainId: w.henanChainId,
      chainRole: 'upstream',
      size: 'small',
      tags: ['specialized_sme'],
    }),
    tables: ['enterprises'],
    bad: [
      {
        why: 'a credit code with a wrong check character',
        body: () => ({ uscc: '91110000600037341M', name: 'x', regionCode: '410102', size: 'small' }),
        field: 'uscc',
      },
      {
        why: 'a credit code of 17 characters',
        body: () => ({ uscc: '91110000600037341', name: 'x', regionCode: '410102', size: 'small' }),
        field: 'uscc',
      },
      {
        why: 'a credit code that is a number',
        body: () => ({ uscc: 91110000, name: 'x', regionCode: '410102', size: 'small' }),
        field: 'uscc',
      },
      {
        why: 'a size outside the list',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'huge' }),
        field: 'size',
      },
      {
        why: 'a tag outside the list',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'small', tags: ['famous'] }),
        field: 'tags',
      },
      {
        why: 'a chain role without a chain',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'small', chainRole: 'leader' }),
        field: 'chainId',
      },
      {
        why: 'a chain without a role',
        body: (w) => ({ uscc: newUscc(), name: 'x', regionCode: '410102', size: 'small', chainId: w.henanChainId }),
        field: 'chainRole',
      },
      {
        why: 'a chain that does not exist',
        body: () => ({
          uscc: newUscc(),
          name: 'x',
          regionCode: '410102',
          size: 'small',
          chainId: NOBODY,
          chainRole: 'member',
        }),
        field: 'chainId',
      },
      {
        why: 'a region that does not exist',
        body: () => ({ uscc: newUscc(), name: 'x', regionCode: '430100', size: 'small' }),
        field: 'regionCode',
      },
      {
        why: 'a credit code that exists',
        body: () => ({ uscc: '91110000600037341L', name: 'x', regionCode: '410102', size: 'small' }),
        field: 'uscc',
        status: 409,
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/enterprises/:id',
    url: (w) => `/api/v1/enterprises/${w.henanEnterpriseId}`,
    roles: ADMIN,
    success: 200,
    body: () => ({ size: 'large', tags: ['high_tech', 'clean_energy'] }),
    tables: ['enterprises'],
    bad: [
      { why: 'a credit code (it never changes)', body: () => ({ uscc: '91110000600037341L' }), field: 'uscc' },
      { why: 'a size outside the list', body: () => ({ size: 'huge' }), field: 'size' },
      { why: 'a chain id that is not a uuid', body: () => ({ chainId: NOT_A_UUID }), field: 'chainId' },
      { why: 'leaving the chain but keeping the role', body: () => ({ chainId: null }), field: 'chainId' },
      { why: 'an empty name', body: () => ({ name: '' }), field: 'name' },
    ],
  },
  {
    method: 'GET',
    path: '/campaigns',
    url: () => '/api/v1/campaigns?activeOn=2026-06-01',
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'GET',
    path: '/campaigns/:id',
    url: (w) => `/api/v1/campaigns/${w.provinceCampaignId}`,
    roles: EVERYONE,
    success: 200,
  },
  {
    method: 'POST',
    path: '/campaigns',
    url: () => '/api/v1/campaigns',
    roles: ADMIN,
    success: 201,
    body: () => ({
      name: '郑州走访',
      kind: 'gm_visits',
      regionCode: '410100',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    }),
    tables: ['campaigns'],
    bad: [
      {
        why: 'a kind outside the list',
        body: () => ({ name: 'x', kind: 'party', regionCode: '410100', startsOn: '2026-01-01', endsOn: '2026-06-30' }),
        field: 'kind',
      },
      {
        why: 'a month 13',
        body: () => ({ name: 'x', kind: 'other', regionCode: '410100', startsOn: '2026-13-01', endsOn: '2026-06-30' }),
        field: 'startsOn',
      },
      {
        why: 'a date with a time',
        body: () => ({
          name: 'x',
          kind: 'other',
          regionCode: '410100',
          startsOn: '2026-01-01T00:00:00Z',
          endsOn: '2026-06-30',
        }),
        field: 'startsOn',
      },
      {
        why: 'an end before the start',
        body: () => ({ name: 'x', kind: 'other', regionCode: '410100', startsOn: '2026-06-01', endsOn: '2026-01-01' }),
        field: 'endsOn',
      },
      {
        why: 'an SLA policy that does not exist',
        body: () => ({
          name: 'x',
          kind: 'other',
          regionCode: '410100',
          startsOn: '2026-01-01',
          endsOn: '2026-06-30',
          slaPolicyId: NOBODY,
        }),
        field: 'slaPolicyId',
      },
    ],
  },
];
