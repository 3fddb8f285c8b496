import { ADMIN, ANY_ROLE, NOBODY, NOT_A_UUID, type Endpoint } from './endpoint-table';

/** The users. */
export const USER_ENDPOINTS: readonly Endpoint[] = [
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
  {
    method: 'PATCH',
    path: '/users/:id',
    url: () => `/api/v1/users/${NOBODY}`,
    roles: ADMIN,
    success: 404,
    body: () => ({ name: '新名字' }),
    tables: ['users', 'refresh_tokens'],
    bad: [
      { why: 'an unknown role', body: () => ({ role: 'root' }), field: 'role' },
      {
        why: 'an organization id that is not a uuid',
        body: () => ({ organizationId: NOT_A_UUID }),
        field: 'organizationId',
      },
      { why: 'a malformed region code', body: () => ({ regionCode: '4101' }), field: 'regionCode' },
      { why: 'active that is not a boolean', body: () => ({ active: 'false' }), field: 'active' },
      { why: 'an empty name', body: () => ({ name: '' }), field: 'name' },
      { why: 'a field that cannot change', body: () => ({ email: 'new@bank.test' }), field: 'email' },
    ],
  },
  {
    method: 'POST',
    path: '/users/:id/reset-password',
    url: () => `/api/v1/users/${NOBODY}/reset-password`,
    roles: ADMIN,
    success: 404,
  },
  {
    method: 'POST',
    path: '/me/password',
    url: () => '/api/v1/me/password',
    // Every role reaches the check (none is refused 403): the table's current password is wrong for all, so
    // 400; the change itself is in account-passwords.spec.ts.
    roles: ANY_ROLE,
    success: 400,
    body: () => ({ currentPassword: 'not-the-current-password', newPassword: 'Another-long-password-2026' }),
    tables: ['users', 'refresh_tokens'],
    bad: [
      {
        why: 'no current password',
        body: () => ({ newPassword: 'Another-long-password-2026' }),
        field: 'currentPassword',
      },
      {
        why: 'a new password that is not a string',
        body: () => ({ currentPassword: 'x', newPassword: 42 }),
        field: 'newPassword',
      },
    ],
  },
  {
    method: 'POST',
    path: '/auth/logout',
    url: () => '/api/v1/auth/logout',
    roles: 'public',
    // A refresh token nobody has: nothing to revoke, still 204 (RFC 7009).
    success: 204,
    body: () => ({ refreshToken: `${NOBODY}.${'A'.repeat(43)}` }),
  },
];
