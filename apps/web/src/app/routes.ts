import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import type { MessageKey } from '../i18n/messages.en';

/**
 * One page of the console. Each role's feature folder exports its list (`features/<role>/routes.tsx`) and
 * `app/route-table.tsx` joins them: the layout builds each role's navigation from the `nav` entries, and
 * the shell refuses a page whose `roles` leave the user out.
 */
export interface RouteDefinition {
  /** `/cases/:id`: `:name` segments arrive in `params`. */
  path: string;
  /** The page's name in the navigation and the document title. */
  title: MessageKey;
  roles: readonly Role[] | 'any';
  /** Shown in the navigation of its roles. */
  nav?: boolean;
  render: (params: Record<string, string>) => ReactNode;
}
