import { useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { unwrapPage, type ApiClient } from '../api/client';
import { fetchEveryPage, pageQuery, type FetchPage } from '../api/paged-list';
import { REFERENCE_FRESH_MS } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import type { Calendar, Campaign, Chain, Enterprise, Organization, Region, Schemas, SlaPolicy } from '../api/types';
import { useAuth } from '../auth/auth';

/** Every item of a reference list (all pages), cached for a few minutes and shared by every view. */
function useEvery<T>(queryKey: QueryKey, fetchPage: FetchPage<T>): UseQueryResult<T[]> {
  return useQuery(everyQuery(queryKey, fetchPage));
}

function everyQuery<T>(
  queryKey: QueryKey,
  fetchPage: FetchPage<T>,
): { queryKey: QueryKey; queryFn: () => Promise<T[]>; staleTime: number } {
  return { queryKey, queryFn: () => fetchEveryPage(fetchPage), staleTime: REFERENCE_FRESH_MS };
}

export function useRegions(): UseQueryResult<Region[]> {
  const { api } = useAuth();
  return useEvery(queryKeys.regions.every(), (cursor) =>
    unwrapPage<Region>(api.GET('/api/v1/regions', { params: { query: pageQuery(cursor) } })),
  );
}

export function useOrganizations(): UseQueryResult<Organization[]> {
  const { api } = useAuth();
  return useEvery(queryKeys.organizations.every(), (cursor) =>
    unwrapPage<Organization>(api.GET('/api/v1/organizations', { params: { query: pageQuery(cursor) } })),
  );
}

export function useBanks(): UseQueryResult<Organization[]> {
  const { api } = useAuth();
  return useEvery(queryKeys.organizations.every({ kind: 'bank' }), (cursor) =>
    unwrapPage<Organization>(
      api.GET('/api/v1/organizations', { params: { query: { ...pageQuery(cursor), kind: 'bank' } } }),
    ),
  );
}

/** The guarantee institutions (担保机构) a guaranteed loan may name. */
export function useGuaranteeInstitutions(): UseQueryResult<Organization[]> {
  const { api } = useAuth();
  return useEvery(queryKeys.organizations.every({ kind: 'guarantee_institution' }), (cursor) =>
    unwrapPage<Organization>(
      api.GET('/api/v1/organizations', {
        params: { query: { ...pageQuery(cursor), kind: 'guarantee_institution' } },
      }),
    ),
  );
}

export function useChains(): UseQueryResult<Chain[]> {
  const { api } = useAuth();
  return useEvery(queryKeys.chains.every(), (cursor) =>
    unwrapPage<Chain>(api.GET('/api/v1/industrial-chains', { params: { query: pageQuery(cursor) } })),
  );
}

/**
 * Every campaign in the user's scope; offline, the service worker answers its copy (a visit names its
 * campaign). The query is also read ahead for a field officer (offline-reads.tsx).
 */
export function campaignsQuery(api: ApiClient): ReturnType<typeof everyQuery<Campaign>> {
  return everyQuery(queryKeys.campaigns.every(), (cursor) =>
    unwrapPage<Campaign>(api.GET('/api/v1/campaigns', { params: { query: pageQuery(cursor) } })),
  );
}

export function useCampaigns(): UseQueryResult<Campaign[]> {
  const { api } = useAuth();
  return useQuery(campaignsQuery(api));
}

/**
 * Every enterprise the user may see (for a field officer, those of their region: the API scopes the list);
 * offline, the service worker answers its copy, which the visit form searches.
 */
export function regionEnterprisesQuery(api: ApiClient): ReturnType<typeof everyQuery<Enterprise>> {
  return everyQuery(queryKeys.enterprises.every(), (cursor) =>
    unwrapPage<Enterprise>(api.GET('/api/v1/enterprises', { params: { query: pageQuery(cursor) } })),
  );
}

export function useSlaPolicies(): UseQueryResult<SlaPolicy[]> {
  const { api } = useAuth();
  return useEvery(queryKeys.slaPolicies.every(), (cursor) =>
    unwrapPage<SlaPolicy>(api.GET('/api/v1/sla-policies', { params: { query: pageQuery(cursor) } })),
  );
}

export function useCalendars(): UseQueryResult<Calendar[]> {
  const { api } = useAuth();
  return useEvery(queryKeys.calendars.every(), (cursor) =>
    unwrapPage<Calendar>(api.GET('/api/v1/calendars', { params: { query: pageQuery(cursor) } })),
  );
}

/** The decline-reason catalogue (`GET /decline-reasons`): what a bank may decline for, and which causes are repairable. */
export function useDeclineReasons(): UseQueryResult<Schemas['DeclineReasonResponse'][]> {
  const { api } = useAuth();
  return useEvery(queryKeys.declineReasons.every(), (cursor) =>
    unwrapPage<Schemas['DeclineReasonResponse']>(
      api.GET('/api/v1/decline-reasons', { params: { query: pageQuery(cursor) } }),
    ),
  );
}

/** The organizations that repair declines (二次诊断): government departments and guarantee institutions. */
export function useRepairers(): UseQueryResult<Organization[]> {
  const organizations = useOrganizations();
  return {
    ...organizations,
    data: organizations.data?.filter((o) => o.kind === 'government_department' || o.kind === 'guarantee_institution'),
  } as UseQueryResult<Organization[]>;
}
