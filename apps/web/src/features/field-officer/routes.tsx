import { lazyPage } from '../../app/lazy-page';
import type { RouteDefinition } from '../../app/routes';
import { LogVisitPage } from './log-visit-page';

// The visit form is the officer's first screen: the other pages load when first opened.
const CasePage = lazyPage(() => import('../cases/case-page'), 'CasePage');
const DiagnosePage = lazyPage(() => import('./diagnose-page'), 'DiagnosePage');
const MyCasesPage = lazyPage(() => import('./my-cases-page'), 'MyCasesPage');
const MyVisitsPage = lazyPage(() => import('./my-visits-page'), 'MyVisitsPage');
const RecordNeedPage = lazyPage(() => import('./record-need-page'), 'RecordNeedPage');

/** The field officer's pages; `nav` ones appear in their navigation, in this order. */
export const fieldOfficerRoutes: RouteDefinition[] = [
  { path: '/visits/new', title: 'nav.logVisit', roles: ['field_officer'], nav: true, render: () => <LogVisitPage /> },
  {
    path: '/needs/new',
    title: 'nav.recordNeed',
    roles: ['field_officer'],
    nav: true,
    render: () => <RecordNeedPage />,
  },
  { path: '/visits', title: 'nav.myVisits', roles: ['field_officer'], nav: true, render: () => <MyVisitsPage /> },
  { path: '/my-cases', title: 'nav.myCases', roles: ['field_officer'], nav: true, render: () => <MyCasesPage /> },
  {
    path: '/visits/:id/diagnose',
    title: 'diagnose.title',
    roles: ['field_officer'],
    render: ({ id }) => <DiagnosePage visitId={id ?? ''} />,
  },
  {
    path: '/my-cases/:id',
    title: 'case.route',
    roles: ['field_officer'],
    render: ({ id = '' }) => <CasePage key={id} caseId={id} />,
  },
];
