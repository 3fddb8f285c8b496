import { lazyPage } from '../../app/lazy-page';
import type { RouteDefinition } from '../../app/routes';
const UsersPage = lazyPage(() => import('./users-page'), 'UsersPage');
const SlaPoliciesPage = lazyPage(() => import('./sla-policies-page'), 'SlaPoliciesPage');
const RegionsPage = lazyPage(() => import('./regions-page'), 'RegionsPage');
const OrganizationsPage = lazyPage(() => import('./organizations-page'), 'OrganizationsPage');
const EnterprisesPage = lazyPage(() => import('./enterprises-page'), 'EnterprisesPage');
const EnterpriseImportPage = lazyPage(() => import('./enterprise-import-page'), 'EnterpriseImportPage');
const ChainsPage = lazyPage(() => import('./chains-page'), 'ChainsPage');
const CampaignsPage = lazyPage(() => import('./campaigns-page'), 'CampaignsPage');
const DeclineReasonsPage = lazyPage(() => import('./decline-reasons-page'), 'DeclineReasonsPage');
const CalendarsPage = lazyPage(() => import('./calendars-page'), 'CalendarsPage');

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
  { path: '/manage/chains', title: 'admin.chains', roles: ['admin'], nav: true, render: () => <ChainsPage /> },
  { path: '/manage/campaigns', title: 'admin.campaigns', roles: ['admin'], nav: true, render: () => <CampaignsPage /> },
  {
    path: '/manage/sla-policies',
    title: 'admin.slaPolicies',
    roles: ['admin'],
    nav: true,
    render: () => <SlaPoliciesPage />,
  },
  {
    path: '/manage/decline-reasons',
    title: 'repair.reasons',
    roles: ['admin'],
    nav: true,
    render: () => <DeclineReasonsPage />,
  },
  {
    path: '/manage/enterprises',
    title: 'admin.enterprises',
    roles: ['admin'],
    nav: true,
    render: () => <EnterprisesPage />,
  },
  { path: '/manage/calendars', title: 'admin.calendars', roles: ['admin'], nav: true, render: () => <CalendarsPage /> },
  {
    path: '/manage/imports/enterprises',
    title: 'admin.importEnterprises',
    roles: ['admin'],
    nav: true,
    render: () => <EnterpriseImportPage />,
  },
];
