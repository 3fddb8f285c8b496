import { lazyPage } from '../../app/lazy-page';
import type { RouteDefinition } from '../../app/routes';
const CasePage = lazyPage(() => import('../cases/case-page'), 'CasePage');
const QueuePage = lazyPage(() => import('./queue-page'), 'QueuePage');
const InboxPage = lazyPage(() => import('./inbox-page'), 'InboxPage');
const MaturityCalendarPage = lazyPage(() => import('./maturity-calendar-page'), 'MaturityCalendarPage');
const BalancesPage = lazyPage(() => import('./balances-page'), 'BalancesPage');
const BalancesImportPage = lazyPage(() => import('./balances-import-page'), 'BalancesImportPage');

/**
 * The bank manager's pages: the work queue, a case (the case page every role shares), the inbox, the maturity
 * calendar (a supervisor's too), the balance reports.
 */
export const bankManagerRoutes: RouteDefinition[] = [
  { path: '/queue', title: 'nav.queue', roles: ['bank_manager'], nav: true, render: () => <QueuePage /> },
  { path: '/inbox', title: 'nav.inbox', roles: ['bank_manager', 'supervisor'], nav: true, render: () => <InboxPage /> },
  {
    path: '/maturing',
    title: 'nav.maturing',
    roles: ['bank_manager', 'supervisor'],
    nav: true,
    render: () => <MaturityCalendarPage />,
  },
  { path: '/balances', title: 'nav.balances', roles: ['bank_manager'], nav: true, render: () => <BalancesPage /> },
  {
    path: '/balances/import',
    title: 'nav.importBalances',
    roles: ['bank_manager'],
    nav: true,
    render: () => <BalancesImportPage />,
  },
  {
    path: '/queue/:id',
    title: 'case.route',
    roles: ['bank_manager'],
    render: ({ id = '' }) => <CasePage key={id} caseId={id} />,
  },
];
