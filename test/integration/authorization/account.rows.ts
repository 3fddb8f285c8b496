import type { AccessRow } from './access-table';

/** Signing in, the caller's own account and inbox. */
export const ACCOUNT_ROWS: readonly AccessRow[] = [
  {
    operation: 'POST /api/v1/auth/login',
    scope: 'self',
    success: 200,
    call: (ctx, scope) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { email: ctx.side[scope].officer.email, password: ctx.side[scope].officer.password },
      }),
  },
  {
    operation: 'POST /api/v1/auth/refresh',
    scope: 'self',
    success: 200,
    call: async (ctx, scope) => {
      const { email, password } = ctx.side[scope].officer;
      const login = await ctx.api.request('POST', '/api/v1/auth/login', { body: { email, password } });
      return { method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: login.body['refreshToken'] } };
    },
  },
  {
    operation: 'POST /api/v1/auth/logout',
    scope: 'self',
    success: 204,
    call: async (ctx, scope) => {
      const { email, password } = ctx.side[scope].officer;
      const login = await ctx.api.request('POST', '/api/v1/auth/login', { body: { email, password } });
      return { method: 'POST', url: '/api/v1/auth/logout', body: { refreshToken: login.body['refreshToken'] } };
    },
  },
  {
    // Each role changes its own password: a user of its own, so that the callers' sessions live on.
    operation: 'POST /api/v1/me/password',
    scope: 'self',
    success: 204,
    call: async (ctx, scope, role) => {
      const user = await ctx.newPerson(scope, role);
      return {
        method: 'POST',
        url: '/api/v1/me/password',
        token: user.token,
        body: { currentPassword: user.password, newPassword: '一条足够长的新口令-authorization' },
      };
    },
  },
  {
    operation: 'GET /api/v1/me',
    scope: 'self',
    success: 200,
    call: () => Promise.resolve({ method: 'GET', url: '/api/v1/me' }),
  },
  {
    operation: 'GET /api/v1/me/token',
    scope: 'self',
    success: 200,
    call: () => Promise.resolve({ method: 'GET', url: '/api/v1/me/token' }),
  },
  {
    operation: 'GET /api/v1/me/notifications',
    scope: 'personal',
    success: 200,
    call: async (ctx, scope, role) => ({
      method: 'GET',
      url: '/api/v1/me/notifications?limit=200',
      listed: await ctx.notificationOf(scope === 'in scope' ? ctx.callers[role] : ctx.side['out of scope'].officer),
    }),
  },
  {
    operation: 'POST /api/v1/me/notifications/{id}/read',
    scope: 'personal',
    success: 200,
    call: async (ctx, scope, role) => ({
      method: 'POST',
      url: `/api/v1/me/notifications/${await ctx.notificationOf(scope === 'in scope' ? ctx.callers[role] : ctx.side['out of scope'].officer)}/read`,
      body: {},
    }),
  },
];
