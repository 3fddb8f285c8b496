import type { RouteDefinition } from '../../app/routes';
import { CasePage } from '../cases/case-page';
import { InboxPage } from './inbox-page';
import { QueuePage } from './queue-page';

/** The bank manager's pages: the work queue, a case (the case page every role shares), the inbox. */
export const bankManagerRoutes: RouteDefinition[] = [
  { path: '/queue', title: 'nav.queue', roles: ['bank_manager'], nav: true, render: () => <QueuePage /> },
  { path: '/inbox', title: 'nav.inbox', roles: ['bank_manager'], nav: true, render: () => <InboxPage /> },
  {
    path: '/queue/:id',
    title: 'case.route',
    roles: ['bank_manager'],
    render: ({ id = '' }) => <CasePage key={id} caseId={id} />,
  },
];
