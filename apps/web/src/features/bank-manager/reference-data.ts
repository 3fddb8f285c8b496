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

/**
 * The names of the enterprises of a list, fetched once each (an unknown one stays missing).
 *
 * A name that arrives is shown even when the list changed meanwhile: the names live in state, not in a ref read at
 * render time, so a fetch that finishes between a render and the next effect is never lost.
 */
export function useEnterpriseNames(api: ApiClient, ids: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  const asked = useRef(new Set<string>());
  const unique = [...new Set(ids)];
  const key = [...unique].sort().join(',');
  useEffect(() => {
    const missing = unique.filter((id) => !asked.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) asked.current.add(id);
    void Promise.allSettled(
      missing.map(async (id) => {
        try {
          const enterprise = await unwrap<Enterprise>(
            api.GET('/api/v1/enterprises/{id}', { params: { path: { id } } }),
          );
          return [id, enterprise.name] as const;
        } catch (error: unknown) {
          asked.current.delete(id); // asked again when the list changes
          throw error;
        }
      }),
    ).then((results) => {
      const found = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      // After an unmount, React drops the update.
      if (found.length > 0) setNames((previous) => new Map([...previous, ...found]));
    });
    // `key` stands for `unique`.
  }, [api, key]);
  return names;
}
