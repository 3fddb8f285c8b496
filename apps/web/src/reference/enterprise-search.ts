import { isValidUscc, normalizeUscc } from '@unblock/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { unwrapPage, type ApiClient } from '../api/client';
import { pageQuery } from '../api/paged-list';
import { NetworkError } from '../api/problem';
import { queryKeys } from '../api/query-keys';
import type { Enterprise, Page } from '../api/types';
import { useAuth } from '../auth/auth';
import { regionEnterprisesQuery } from './reference-lists';

export type EnterpriseQuery = { uscc: string } | { q: string };
export type SearchEnterprises = (query: EnterpriseQuery, cursor?: string) => Promise<Page<Enterprise>>;

/** A valid credit code (GB 32100-2015, check character included) is searched as one; anything else by name. */
export function enterpriseQuery(text: string): EnterpriseQuery {
  const code = normalizeUscc(text);
  return isValidUscc(code) ? { uscc: code } : { q: text.trim() };
}

export const SEARCH_PAGE_SIZE = 20;
const SEARCH_FRESH_MS = 60_000;

/** The enterprises of a list that match a search, as the API would match them (by name, or the credit code). */
export function matchEnterprises(all: readonly Enterprise[], query: EnterpriseQuery): Page<Enterprise> {
  return {
    items: all.filter((e) => ('uscc' in query ? e.uscc === query.uscc : e.name.includes(query.q))),
    nextCursor: null,
  };
}

function searchOnline(api: ApiClient, query: EnterpriseQuery, cursor: string | undefined): Promise<Page<Enterprise>> {
  return unwrapPage<Enterprise>(
    api.GET('/api/v1/enterprises', { params: { query: { ...query, ...pageQuery(cursor, SEARCH_PAGE_SIZE) } } }),
  );
}

/**
 * Enterprises by name or credit code, page by page, through the cache; without a connection, among the
 * enterprises of the officer's region as the service worker kept them.
 */
export function useEnterpriseSearch(): SearchEnterprises {
  const { api } = useAuth();
  const queryClient = useQueryClient();
  return useCallback(
    (query, cursor) =>
      queryClient
        .fetchQuery({
          queryKey: queryKeys.enterprises.search(query, cursor),
          queryFn: () => searchOnline(api, query, cursor),
          staleTime: SEARCH_FRESH_MS,
        })
        .catch((error: unknown) => {
          if (!(error instanceof NetworkError) || cursor !== undefined) throw error;
          return queryClient
            .fetchQuery(regionEnterprisesQuery(api))
            .then((all) => matchEnterprises(all, query))
            .catch(() => Promise.reject(error));
        }),
    [api, queryClient],
  );
}
