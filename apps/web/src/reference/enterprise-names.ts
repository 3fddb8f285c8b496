import { useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import { unwrap, type ApiClient } from '../api/client';
import { REFERENCE_FRESH_MS } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import type { Enterprise } from '../api/types';

function enterpriseQuery(
  api: ApiClient,
  id: string,
): { queryKey: readonly unknown[]; queryFn: () => Promise<Enterprise>; staleTime: number } {
  return {
    queryKey: queryKeys.enterprises.detail(id),
    queryFn: () => unwrap<Enterprise>(api.GET('/api/v1/enterprises/{id}', { params: { path: { id } } })),
    staleTime: REFERENCE_FRESH_MS,
  };
}

/** One enterprise (the case page's heading), from the cache the lists' names share. */
export function useEnterprise(api: ApiClient, id: string | undefined): UseQueryResult<Enterprise> {
  return useQuery({ ...enterpriseQuery(api, id ?? ''), enabled: id !== undefined });
}

/**
 * The names of the enterprises of a list, each read once and cached (an unknown one stays missing). A
 * name that failed is asked again when the list changes.
 */
export function useEnterpriseNames(api: ApiClient, ids: readonly string[]): ReadonlyMap<string, string> {
  const queryClient = useQueryClient();
  const unique = [...new Set(ids)];
  const key = [...unique].sort().join(',');
  useEffect(() => {
    for (const id of unique) {
      const queryKey = queryKeys.enterprises.detail(id);
      if (queryClient.getQueryState(queryKey)?.status === 'error') {
        void queryClient.refetchQueries({ queryKey, exact: true });
      }
    }
    // `key` stands for `unique`.
  }, [queryClient, key]);
  const results = useQueries({ queries: unique.map((id) => enterpriseQuery(api, id)) });
  const names = new Map<string, string>();
  results.forEach((result, i) => {
    const id = unique[i];
    if (id !== undefined && result.data) names.set(id, result.data.name);
  });
  return names;
}
