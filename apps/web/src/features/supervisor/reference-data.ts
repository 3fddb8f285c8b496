import { unwrapPage, type ApiClient } from '../../api/client';
import type { Campaign, Organization, Schemas } from '../../api/types';

export type Chain = Schemas['IndustrialChainResponse'];
export type Region = Schemas['RegionResponse'];

/** The names a supervisor's pages show instead of ids: banks, chains, regions and campaigns. */
export interface ReferenceData {
  banks: Organization[];
  chains: Chain[];
  regions: Region[];
  campaigns: Campaign[];
}

const LIMIT = 200;

export async function loadReferenceData(api: ApiClient): Promise<ReferenceData> {
  const [banks, chains, regions, campaigns] = await Promise.all([
    unwrapPage<Organization>(api.GET('/api/v1/organizations', { params: { query: { kind: 'bank', limit: LIMIT } } })),
    unwrapPage<Chain>(api.GET('/api/v1/industrial-chains', { params: { query: { limit: LIMIT } } })),
    unwrapPage<Region>(api.GET('/api/v1/regions', { params: { query: { limit: LIMIT } } })),
    unwrapPage<Campaign>(api.GET('/api/v1/campaigns', { params: { query: { limit: LIMIT } } })),
  ]);
  return { banks: banks.items, chains: chains.items, regions: regions.items, campaigns: campaigns.items };
}

/** A name by id, or the id itself when the list does not have it. */
export function nameOf(list: readonly { id: string; name: string }[] | undefined, id: string | null): string {
  if (id === null) return '—';
  return list?.find((item) => item.id === id)?.name ?? id;
}

export function regionName(regions: readonly Region[] | undefined, code: string): string {
  return regions?.find((region) => region.code === code)?.name ?? code;
}
