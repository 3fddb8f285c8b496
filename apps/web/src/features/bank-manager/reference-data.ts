import { useEffect, useRef, useState } from 'react';
import { unwrap, unwrapPage, type ApiClient } from '../../api/client';
import type { Campaign, CaseStatus, Enterprise, Organization, Schemas } from '../../api/types';

export type Chain = Schemas['IndustrialChainResponse'];

/** The statuses a bank's queue can hold (diagnosed cases are not at a bank yet). */
export const QUEUE_STATUSES = [
  'assigned',
  'claimed',
  'approved',
  'loan_signed',
  'closed',
] as const satisfies readonly CaseStatus[];

export const REFERENCE_LIMIT = 200;

export interface ReferenceData {
  chains: Chain[];
  campaigns: Campaign[];
  banks: Organization[];
}

/** The chains, campaigns and banks a manager can pick from (filters, the other bank of a contract). */
export async function loadReferenceData(api: ApiClient): Promise<ReferenceData> {
  const [chains, campaigns, banks] = await Promise.all([
    unwrapPage<Chain>(api.GET('/api/v1/industrial-chains', { params: { query: { limit: REFERENCE_LIMIT } } })),
    unwrapPage<Campaign>(api.GET('/api/v1/campaigns', { params: { query: { limit: REFERENCE_LIMIT } } })),
    unwrapPage<Organization>(
      api.GET('/api/v1/organizations', { params: { query: { limit: REFERENCE_LIMIT, kind: 'bank' } } }),
    ),
  ]);
  return { chains: chains.items, campaigns: campaigns.items, banks: banks.items };
}

/** The names of the enterprises of a list, fetched once each (an unknown one stays missing). */
export function useEnterpriseNames(api: ApiClient, ids: readonly string[]): ReadonlyMap<string, string> {
  const cache = useRef(new Map<string, string>());
  const [, setRound] = useState(0);
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    const missing = [...new Set(ids)].filter((id) => !cache.current.has(id));
    if (missing.length === 0) return;
    let live = true;
    void Promise.allSettled(
      missing.map(async (id) => {
        const enterprise = await unwrap<Enterprise>(api.GET('/api/v1/enterprises/{id}', { params: { path: { id } } }));
        cache.current.set(id, enterprise.name);
      }),
    ).then(() => live && setRound((r) => r + 1));
    return () => {
      live = false;
    };
    // `key` stands for `ids`.
  }, [api, key]);
  return cache.current;
}
