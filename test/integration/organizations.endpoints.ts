import { ADMIN, EVERYONE, type Endpoint } from './endpoint-table';

/** The organizations: regulators, banks and institutions. */
export const ORGANIZATION_ENDPOINTS: readonly Endpoint[] = [
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
];
