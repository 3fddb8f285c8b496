import { useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import DataLoader from 'dataloader';
import { useEffect } from 'react';
import { unwrap, type ApiClient } from '../api/client';
import { REFERENCE_FRESH_MS } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import type { Enterprise } from '../api/types';

/** The most enterprises `GET /enterprises?ids=` answers at once. */
const IDS_PER_REQUEST = 100;

const loaders = new WeakMap<ApiClient, DataLoader<string, Enterprise>>();

/**
 * The enterprises asked for in one tick, read in one request (`GET /enterprises?ids=`) rather than one each:
 * a queue of 50 cases names its enterprises in one round trip. An enterprise the answer leaves out (unknown,
 * or out of scope) fails alone. The query cache keeps the answers, so the loader keeps none.
 */
function loaderFor(api: ApiClient): DataLoader<string, Enterprise> {
  let loader = loaders.get(api);
  if (!loader) {
    loader = new DataLoader<string, Enterprise>(
      async (ids) => {
        const page = await unwrap<{ items: Enterprise[] }>(
          api.GET('/api/v1/enterprises', { params: { query: { ids: [...ids], limit: ids.length } } }),
        );
        const byId = new Map(page.items.map((enterprise) => [enterprise.id, enterprise]));
        return ids.map((id) => byId.get(id) ?? new Error(`enterprise ${id} not found`));
      },
      { cache: false, maxBatchSize: IDS_PER_REQUEST },
    );
    loaders.set(api, loader);
  }
  return loader;
}

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

/** The same query as `enterpriseQuery`, read through the batch loader. */
function batchedEnterpriseQuery(
  api: ApiClient,
  id: string,
): { queryKey: readonly unknown[]; queryFn: () => Promise<Enterprise>; staleTime: number } {
  return { ...enterpriseQuery(api, id), queryFn: () => loaderFor(api).load(id) };
}

/** One enterprise (the case page's heading), from the cache the lists' names share. */
export function useEnterprise(api: ApiClient, id: string | undefined): UseQueryResult<Enterprise> {
  return useQuery({ ...enterpriseQuery(api, id ?? ''), enabled: id !== undefined });
}

/**
 * The names of the enterprises of a list, each read once and cached (an unknown one stays missing), those
 * of one render in one request. A name that failed is asked again when the list changes.
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
  const results = useQueries({ queries: unique.map((id) => batchedEnterpriseQuery(api, id)) });
  const names = new Map<string, string>();
  results.forEach((result, i) => {
    const id = unique[i];
    if (id !== undefined && result.data) names.set(id, result.data.name);
  });
  return names;
}
