import type { Role } from '../api/types';
import { bankManagerRoutes } from '../features/bank-manager/routes';
import { fieldOfficerRoutes } from '../features/field-officer/routes';
import { adminRoutes } from '../features/admin/routes';
import { CHANGE_PASSWORD_PATH, ChangePasswordPage } from '../auth/change-password-page';
import { HomePage } from '../features/home/home-page';
import { supervisorRoutes } from '../features/supervisor/routes';
import { enterpriseLinkRoutes } from '../features/enterprise-link/routes';
import { repairRoutes } from '../features/repairs/routes';
import { matchPath } from './router';
import type { RouteDefinition } from './routes';

/** Every page, first match wins. Add a role's pages by appending its `features/<role>/routes.tsx` list. */
export const ROUTES: readonly RouteDefinition[] = [
  { path: '/', title: 'nav.home', roles: 'any', nav: true, render: () => <HomePage /> },
  ...fieldOfficerRoutes,
  ...bankManagerRoutes,
  ...supervisorRoutes,
  ...repairRoutes,
  ...adminRoutes,
  ...enterpriseLinkRoutes,
  { path: CHANGE_PASSWORD_PATH, title: 'account.password', roles: 'any', render: () => <ChangePasswordPage /> },
];

export function allows(route: RouteDefinition, role: Role): boolean {
  return route.roles === 'any' || route.roles.includes(role);
}

export function findRoute(path: string): { route: RouteDefinition; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}

/** The navigation of a role, in the table's order. */
export function navigationFor(role: Role): RouteDefinition[] {
  return ROUTES.filter((route) => route.nav === true && allows(route, role));
}
