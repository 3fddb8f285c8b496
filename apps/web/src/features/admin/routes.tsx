import type { RouteDefinition } from '../../app/routes';
import { CalendarsPage } from './calendars-page';
import { CampaignsPage } from './campaigns-page';
import { ChainsPage } from './chains-page';
import { DeclineReasonsPage } from './decline-reasons-page';
import { EnterpriseImportPage } from './enterprise-import-page';
import { EnterprisesPage } from './enterprises-page';
import { OrganizationsPage } from './organizations-page';
import { RegionsPage } from './regions-page';
import { SlaPoliciesPage } from './sla-policies-page';
import { UsersPage } from './users-page';

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
