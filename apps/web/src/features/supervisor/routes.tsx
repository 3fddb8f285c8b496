import { lazyPage } from '../../app/lazy-page';
import type { RouteDefinition } from '../../app/routes';
import { supervisorRepairRoute } from '../repairs/routes';
const CasePage = lazyPage(() => import('../cases/case-page'), 'CasePage');
const NeedsImportPage = lazyPage(() => import('./needs-import-page'), 'NeedsImportPage');
const PipelineBoardPage = lazyPage(() => import('./pipeline-board-page'), 'PipelineBoardPage');
const EscalationsPage = lazyPage(() => import('./escalations-page'), 'EscalationsPage');
const ScreeningQueuePage = lazyPage(() => import('./screening-queue-page'), 'ScreeningQueuePage');
const CaseSearchPage = lazyPage(() => import('./case-search-page'), 'CaseSearchPage');
const BulletinsPage = lazyPage(() => import('../bulletins/bulletins-page'), 'BulletinsPage');
const BulletinPage = lazyPage(() => import('../bulletins/bulletin-page'), 'BulletinPage');

// The dashboard brings ECharts: loaded only when a supervisor opens it.
const DashboardPage = lazyPage(() => import('./dashboard-page'), 'DashboardPage');

/** The supervisor's pages; `nav` ones appear in their navigation, in this order. */
export const supervisorRoutes: RouteDefinition[] = [
  {
    path: '/escalations',
    title: 'nav.escalationQueue',
    roles: ['supervisor'],
    nav: true,
    render: () => <EscalationsPage />,
  },
  {
    path: '/screening',
    title: 'nav.screeningQueue',
    roles: ['supervisor'],
    nav: true,
    render: () => <ScreeningQueuePage />,
  },
  supervisorRepairRoute,
  {
    path: '/supervision/cases',
    title: 'nav.caseSearch',
    roles: ['supervisor'],
    nav: true,
    render: () => <CaseSearchPage />,
  },
  {
    path: '/supervision/board',
    title: 'nav.pipelineBoard',
    roles: ['supervisor'],
    nav: true,
    render: () => <PipelineBoardPage />,
  },
  {
    path: '/dashboard',
    title: 'nav.campaignDashboard',
    roles: ['supervisor'],
    nav: true,
    render: () => <DashboardPage />,
  },
  {
    path: '/bulletins',
    title: 'nav.bulletins',
    roles: ['supervisor', 'admin'],
    nav: true,
    render: () => <BulletinsPage />,
  },
  {
    path: '/bulletins/:id',
    title: 'bulletin.listTitle',
    roles: ['supervisor', 'admin'],
    render: ({ id = '' }) => <BulletinPage key={id} bulletinId={id} />,
  },
  {
    path: '/needs/import',
    title: 'nav.importNeeds',
    roles: ['supervisor', 'admin'],
    nav: true,
    render: () => <NeedsImportPage />,
  },
  {
    path: '/supervision/cases/:id',
    title: 'case.route',
    roles: ['supervisor'],
    render: ({ id = '' }) => <CasePage key={id} caseId={id} />,
  },
];
