import { isValidUscc, normalizeUscc } from '@unblock/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { unwrapPage, type ApiClient } from '../api/client';
import { pageQuery } from '../api/paged-list';
import { NetworkError } from '../api/problem';
import { queryKeys } from '../api/query-keys';
import type { Enterprise, Page } from '../api/types';
import { useAuth } from '../auth/auth';
import { readJson, writeJson } from '../lib/storage';

export type EnterpriseQuery = { uscc: string } | { q: string };
export type SearchEnterprises = (query: EnterpriseQuery, cursor?: string) => Promise<Page<Enterprise>>;

/** A valid credit code (GB 32100-2015, check character included) is searched as one; anything else by name. */
export function enterpriseQuery(text: string): EnterpriseQuery {
  const code = normalizeUscc(text);
  return isValidUscc(code) ? { uscc: code } : { q: text.trim() };
}

const KNOWN_KEY = 'unblock.cache.enterprises';
/** How many enterprises found before this device keeps for searching offline. */
const KNOWN_MAX = 200;
export const SEARCH_PAGE_SIZE = 20;
const SEARCH_FRESH_MS = 60_000;

/** The enterprises found before on this device that match, for a search without a connection. */
function searchKnown(query: EnterpriseQuery): Page<Enterprise> {
  const known = readJson<Enterprise[]>(localStorage, KNOWN_KEY) ?? [];
  return {
    items: known.filter((e) => ('uscc' in query ? e.uscc === query.uscc : e.name.includes(query.q))),
    nextCursor: null,
  };
}

function remember(found: readonly Enterprise[]): void {
  const known = readJson<Enterprise[]>(localStorage, KNOWN_KEY) ?? [];
  const merged = [...found, ...known.filter((k) => !found.some((f) => f.id === k.id))].slice(0, KNOWN_MAX);
  writeJson(localStorage, KNOWN_KEY, merged);
}

async function searchOnline(
  api: ApiClient,
  query: EnterpriseQuery,
  cursor: string | undefined,
): Promise<Page<Enterprise>> {
  const page = await unwrapPage<Enterprise>(
    api.GET('/api/v1/enterprises', { params: { query: { ...query, ...pageQuery(cursor, SEARCH_PAGE_SIZE) } } }),
  );
  remember(page.items);
  return page;
}

/**
 * Enterprises by name or credit code, page by page, through the cache; without a connection, among the
 * ones found before on this device.
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
          if (error instanceof NetworkError && cursor === undefined) return searchKnown(query);
          throw error;
        }),
    [api, queryClient],
  );
}
