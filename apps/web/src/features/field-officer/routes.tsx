import type { RouteDefinition } from '../../app/routes';
import { CasePage } from '../cases/case-page';
import { DiagnosePage } from './diagnose-page';
import { LogVisitPage } from './log-visit-page';
import { MyCasesPage } from './my-cases-page';
import { MyVisitsPage } from './my-visits-page';
import { RecordNeedPage } from './record-need-page';

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
