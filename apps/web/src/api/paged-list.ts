import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Page } from './types';

/** The most items one request of a list may ask for (the API's `limit` maximum). */
export const MAX_PAGE_SIZE = 200;

/** `limit` and, after the first page, `cursor`: the query every list takes. */
export function pageQuery(cursor: string | undefined, limit = MAX_PAGE_SIZE): { limit: number; cursor?: string } {
  return cursor === undefined ? { limit } : { limit, cursor };
}

/** One page of a list: the first when `cursor` is undefined, else the page after that cursor. */
export type FetchPage<T> = (cursor: string | undefined) => Promise<Page<T>>;

/** Every item of a list, following `nextCursor` to the end (for pickers and names: nothing cut off). */
export async function fetchEveryPage<T>(fetchPage: FetchPage<T>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/** A list read page by page: what a view shows and how it asks for more. */
export interface PagedList<T> {
  /** Every page read so far, in the API's order; undefined until the first page arrives. */
  items: T[] | undefined;
  /** How many items the whole list holds, when the API counts it. */
  total: number | undefined;
  /** The failure of the first page (or of a refresh). */
  error: unknown;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  /** The failure of the last "Load more". */
  moreError: unknown;
  loadMore: () => void;
  /** Reads every loaded page again. */
  refresh: () => void;
}

/**
 * A list that follows `nextCursor` on demand ("Load more"). While a new query (other filters) loads,
 * the previous items stay on screen.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  fetchPage: FetchPage<T>,
  options: { refetchInterval?: number } = {},
): PagedList<T> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });
  const { data, error, isPending, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, refetch } =
    query;
  const items = useMemo(() => data?.pages.flatMap((page) => page.items), [data]);
  return {
    items,
    total: data?.pages[0]?.total,
    error: isFetchNextPageError ? undefined : error,
    loading: isPending,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    moreError: isFetchNextPageError ? error : undefined,
    loadMore: () => void fetchNextPage(),
    refresh: () => void refetch(),
  };
}
