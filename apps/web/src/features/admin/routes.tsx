import type { RouteDefinition } from '../../app/routes';
import { OrganizationsPage, RegionsPage, UsersPage } from './admin-pages';
import { EnterpriseImportPage } from './enterprise-import-page';

/** The administrator's pages (under /manage: the server keeps /admin for its queue board); `nav` ones appear in their navigation, in this order. */
export const adminRoutes: RouteDefinition[] = [
  { path: '/manage/regions', title: 'admin.regions', roles: ['admin'], nav: true, render: () => <RegionsPage /> },
  {
    path: '/manage/organizations',
    title: 'admin.organizations',
    roles: ['admin'],
    nav: true,
    render: () => <OrganizationsPage />,
  },
  { path: '/manage/users', title: 'admin.users', roles: ['admin'], nav: true, render: () => <UsersPage /> },
  {
    path: '/manage/imports/enterprises',
    title: 'admin.importEnterprises',
    roles: ['admin'],
    nav: true,
    render: () => <EnterpriseImportPage />,
  },
];
