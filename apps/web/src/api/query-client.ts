import { QueryClient } from '@tanstack/react-query';

/**
 * The console's one cache of what it reads. A view reads through `useQuery` (keys in `query-keys.ts`), a
 * write through `useApiMutation`, which invalidates the keys it changed so the views showing them read again.
 *
 * - No retry: a failure shows at once (a 404 is an answer; a network failure says so, the user retries).
 * - `networkMode: 'always'`: offline, a read or write still runs and fails with a NetworkError (the offline
 *   copies of reference data answer it); nothing waits silently for the connection.
 * - No refetch on window focus: a view reads again on a write, on "Refresh", on reconnecting, and where it
 *   says so (the escalation queue every 15 s).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, networkMode: 'always', refetchOnWindowFocus: false },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** How long reference data (banks, chains, campaigns, regions, names) is served from the cache without asking. */
export const REFERENCE_FRESH_MS = 5 * 60_000;
