/**
 * @jest-environment jsdom
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import { createQueryClient } from '../api/query-client';
import { useEnterpriseNames } from './enterprise-names';

/** The app's query client (its defaults: no retry), fresh for each test. */
function withQueryClient(): ({ children }: { children: ReactNode }) => ReactNode {
  const client = createQueryClient();
  return ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/**
 * An API whose answers the test releases: `GET /enterprises?ids=` holds a batch until one of its ids is
 * answered, then answers the whole batch (or fails it with that status). `requests` counts the round trips.
 */
function slowApi(): {
  api: ApiClient;
  asked: string[];
  requests: () => number;
  answer: (id: string, status?: number) => void;
} {
  const asked: string[] = [];
  let requests = 0;
  const pending: { ids: string[]; release: (status: number) => void }[] = [];
  const api = {
    GET: (path: string, init: { params: { query: { ids: string[] } } }) => {
      expect(path).toBe('/api/v1/enterprises');
      requests += 1;
      const ids = init.params.query.ids;
      asked.push(...ids);
      return new Promise((resolve) => {
        pending.push({
          ids,
          release: (status) =>
            resolve(
              status === 200
                ? { data: { items: ids.map((id) => ({ id, name: `name of ${id}` })) }, response: { ok: true, status } }
                : { error: { title: 'Service Unavailable' }, response: { ok: false, status } },
            ),
        });
      });
    },
  } as unknown as ApiClient;
  const answer = (id: string, status = 200): void => {
    const at = pending.findIndex((request) => request.ids.includes(id));
    if (at >= 0) pending.splice(at, 1)[0]?.release(status);
  };
  return { api, asked, requests: () => requests, answer };
}
describe('the names of a queue’s enterprises', () => {
  it('asks for each enterprise once and shows a name that arrives after the list changed', async () => {
    const { api, asked, answer } = slowApi();
    const { result, rerender } = renderHook(({ ids }) => useEnterpriseNames(api, ids), {
      initialProps: { ids: ['e1'] },
      wrapper: withQueryClient(),
    });
    // The list changes (a page more, then a refresh without it) before the first answer comes.
    rerender({ ids: ['e1', 'e2'] });
    rerender({ ids: [] });
    // The batches go out on the next tick.
    await waitFor(() => expect(asked).toHaveLength(2));
    await act(async () => {
      answer('e1');
      answer('e2');
      await Promise.resolve();
    });
    rerender({ ids: ['e1', 'e2'] });
    await waitFor(() => expect(result.current.get('e1')).toBe('name of e1'));
    expect(result.current.get('e2')).toBe('name of e2');
    expect(asked).toEqual(['e1', 'e2']);
  });

  it('asks again for a name that failed once the list changes', async () => {
    const { api, asked, answer } = slowApi();
    const { result, rerender } = renderHook(({ ids }) => useEnterpriseNames(api, ids), {
      initialProps: { ids: ['e1'] },
      wrapper: withQueryClient(),
    });
    await waitFor(() => expect(asked).toHaveLength(1));
    await act(async () => {
      answer('e1', 503);
      await Promise.resolve();
    });
    expect(result.current.has('e1')).toBe(false);
    rerender({ ids: ['e1', 'e2'] });
    await waitFor(() => expect(asked).toHaveLength(3));
    await act(async () => {
      answer('e1');
      answer('e2');
      await Promise.resolve();
    });
    await waitFor(() => expect(result.current.get('e1')).toBe('name of e1'));
    // e1 twice (it failed once), e2 once, in whichever batches they fell.
    expect([...asked].sort()).toEqual(['e1', 'e1', 'e2']);
  });

  it('asks for the names of one page of a queue in one request', async () => {
    const { api, asked, requests, answer } = slowApi();
    const ids = Array.from({ length: 50 }, (_, i) => `e${i}`);
    const { result } = renderHook(() => useEnterpriseNames(api, ids), { wrapper: withQueryClient() });
    await waitFor(() => expect(asked).toHaveLength(50));
    await act(async () => {
      answer('e0');
      await Promise.resolve();
    });
    await waitFor(() => expect(result.current.get('e49')).toBe('name of e49'));
    expect(result.current.size).toBe(50);
    expect(requests()).toBe(1);
  });
});
