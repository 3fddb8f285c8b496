import { lazyPage } from '../../app/lazy-page';
import type { RouteDefinition } from '../../app/routes';
const CasePage = lazyPage(() => import('../cases/case-page'), 'CasePage');
const RepairQueuePage = lazyPage(() => import('./repair-queue-page'), 'RepairQueuePage');
const RepairTasksPage = lazyPage(() => import('./repair-tasks-page'), 'RepairTasksPage');

/** The repair loop (二次诊断): the supervisors' queue of cases in repair, the partner officers' tasks. */
export const repairRoutes: RouteDefinition[] = [
  {
    path: '/repair-tasks',
    title: 'nav.repairTasks',
    roles: ['partner_officer'],
    nav: true,
    render: () => <RepairTasksPage />,
  },
  {
    path: '/repair-tasks/:id',
    title: 'case.route',
    roles: ['partner_officer'],
    render: ({ id = '' }) => <CasePage key={id} caseId={id} />,
  },
];

/** The supervisors' 二次诊断 page, placed in their navigation after the screening queue. */
export const supervisorRepairRoute: RouteDefinition = {
  path: '/supervision/repairs',
  title: 'nav.repairs',
  roles: ['supervisor'],
  nav: true,
  render: () => <RepairQueuePage />,
};
