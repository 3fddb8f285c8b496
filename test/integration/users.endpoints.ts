import { ADMIN, NOBODY, NOT_A_UUID, type Endpoint } from './endpoint-table';

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
];
