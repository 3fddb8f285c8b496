import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteDefinition } from '../../app/routes';
import { useI18n } from '../../i18n/i18n';
import { CasePage } from '../cases/case-page';
import { CaseSearchPage } from './case-search-page';
import { EscalationsPage } from './escalations-page';
import { PipelineBoardPage } from './pipeline-board-page';
import { NeedsImportPage } from './needs-import-page';
import { ScreeningQueuePage } from './screening-queue-page';

// The dashboard brings ECharts: loaded only when a supervisor opens it.
const LazyDashboard = lazy(() => import('./dashboard-page').then((module) => ({ default: module.DashboardPage })));

function DashboardRoute(): ReactNode {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p>{t('app.loading')}</p>}>
      <LazyDashboard />
    </Suspense>
  );
}

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
    render: () => <DashboardRoute />,
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
