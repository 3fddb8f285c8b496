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

/** An API whose enterprise answers the test releases one at a time. */
function slowApi(): { api: ApiClient; asked: string[]; answer: (id: string, status?: number) => void } {
  const asked: string[] = [];
  const pending = new Map<string, (status: number) => void>();
  const api = {
    GET: (_path: string, init: { params: { path: { id: string } } }) => {
      const id = init.params.path.id;
      asked.push(id);
      return new Promise((resolve) => {
        pending.set(id, (status) =>
          resolve(
            status === 200
              ? { data: { id, name: `name of ${id}` }, response: { ok: true, status } }
              : { error: { title: 'Not Found' }, response: { ok: false, status } },
          ),
        );
      });
    },
  } as unknown as ApiClient;
  return { api, asked, answer: (id, status = 200) => pending.get(id)?.(status) };
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
    await act(async () => {
      answer('e1', 503);
      await Promise.resolve();
    });
    expect(result.current.has('e1')).toBe(false);
    rerender({ ids: ['e1', 'e2'] });
    await act(async () => {
      answer('e1');
      answer('e2');
      await Promise.resolve();
    });
    await waitFor(() => expect(result.current.get('e1')).toBe('name of e1'));
    expect(asked).toEqual(['e1', 'e1', 'e2']);
  });
});
