import type { RouteDefinition } from '../../app/routes';
import { lazyPage } from '../../app/lazy-page';

const EnterpriseLinkPage = lazyPage(() => import('./enterprise-link-page'), 'EnterpriseLinkPage');

/** The enterprise link of an enterprise's record, for the staff who make links (not in the navigation). */
export const enterpriseLinkRoutes: RouteDefinition[] = [
  {
    path: '/enterprises/:id/link',
    title: 'link.title',
    roles: ['admin', 'field_officer', 'supervisor'],
    render: (params) => <EnterpriseLinkPage enterpriseId={params['id'] ?? ''} />,
  },
];
