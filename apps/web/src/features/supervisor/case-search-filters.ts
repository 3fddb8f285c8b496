import { CASE_STATUSES } from '@unblock/domain';
import type { CaseStatus } from '../../api/types';

/** The orders of the case search (the API's `sort`). */
export const SEARCH_SORTS = ['dueAt', 'amount', 'updated'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The case search's filters, as its address holds them (so that the board and a bookmark can link to one). */
export interface SearchFilters {
  q: string;
  status: CaseStatus | '';
  bankId: string;
  chainId: string;
  campaignId: string;
  overdue: boolean;
  escalated: boolean;
  sort: SearchSort;
}

export const SEARCH_PATH = '/supervision/cases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** The filters an address names; what it names wrongly (an unknown status, a broken id) is left out. */
export function filtersFrom(query: URLSearchParams): SearchFilters {
  const id = (key: string): string => {
    const value = query.get(key) ?? '';
    return UUID.test(value) ? value : '';
  };
  return {
    q: (query.get('q') ?? '').trim(),
    status: oneOf(CASE_STATUSES, query.get('status')) ?? '',
    bankId: id('bankId'),
    chainId: id('chainId'),
    campaignId: id('campaignId'),
    overdue: query.get('overdue') === 'true',
    escalated: query.get('escalated') === 'true',
    sort: oneOf(SEARCH_SORTS, query.get('sort')) ?? 'dueAt',
  };
}

/** The filters of `GET /cases` and `GET /cases/counts`, empty ones left out (the default order too). */
export function searchQuery(filters: SearchFilters): {
  q?: string;
  status?: CaseStatus;
  bankId?: string;
  chainId?: string;
  campaignId?: string;
  overdue?: boolean;
  escalated?: boolean;
} {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.bankId ? { bankId: filters.bankId } : {}),
    ...(filters.chainId ? { chainId: filters.chainId } : {}),
    ...(filters.campaignId ? { campaignId: filters.campaignId } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.escalated ? { escalated: true } : {}),
  };
}

/** The search's address for some filters. */
export function searchHref(filters: Partial<SearchFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === '' || value === false || value === undefined || (key === 'sort' && value === 'dueAt')) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${SEARCH_PATH}?${text}` : SEARCH_PATH;
}
