/**
 * The query keys of every resource the console reads. A key starts with the resource, so a write
 * invalidates everything read of it with `queryKeys.<resource>.all`:
 *
 * - `list(query)`: a list read page by page (`usePagedList`, "Load more");
 * - `every(query)`: every page of a list at once, for pickers and names (`fetchEveryPage`);
 * - `detail(id)`: one item.
 */
interface ResourceKeys<R extends string> {
  all: readonly [R];
  list: (query?: object) => readonly [R, 'list', object];
  every: (query?: object) => readonly [R, 'every', object];
  detail: (id: string) => readonly [R, 'detail', string];
}

function resource<const R extends string>(name: R): ResourceKeys<R> {
  return {
    all: [name] as const,
    list: (query: object = {}) => [name, 'list', query] as const,
    every: (query: object = {}) => [name, 'every', query] as const,
    detail: (id: string) => [name, 'detail', id] as const,
  };
}

export const queryKeys = {
  cases: resource('cases'),
  visits: resource('visits'),
  escalations: resource('escalations'),
  notifications: resource('notifications'),
  reports: {
    ...resource('reports'),
    /** The dashboard's figures (summary, by chain, by bank) for its filters. */
    figures: (query: object) => ['reports', 'figures', query] as const,
  },
  imports: resource('imports'),
  loanBalances: resource('loan-balances'),
  regions: resource('regions'),
  organizations: resource('organizations'),
  users: resource('users'),
  chains: resource('industrial-chains'),
  enterprises: {
    ...resource('enterprises'),
    /** A search of the visit form (by name or credit code), page by page. */
    search: (query: object, cursor: string | undefined) => ['enterprises', 'search', query, cursor ?? null] as const,
  },
  campaigns: resource('campaigns'),
  slaPolicies: resource('sla-policies'),
  declineReasons: resource('decline-reasons'),
  repairs: resource('repairs'),
  calendars: resource('calendars'),
  bulletins: resource('bulletins'),
  maturing: resource('contracts-maturing'),
} as const;
