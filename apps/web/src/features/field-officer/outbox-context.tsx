import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth';
import { DeviceOutbox } from './device-outbox';
import type { OutboxEntry } from './outbox-entries';

const OutboxContext = createContext<DeviceOutbox | undefined>(undefined);

/** One outbox per signed-in user, sending in the background whatever page is open. */
export function OutboxProvider({ children }: { children: ReactNode }): ReactNode {
  const { api, user } = useAuth();
  const queryClient = useQueryClient();
  const userId = user?.id;
  const outbox = useMemo(
    () =>
      userId === undefined
        ? undefined
        : new DeviceOutbox(api, `unblock.outbox.${userId}`, () => {
            void queryClient.invalidateQueries({ queryKey: queryKeys.visits.all });
            void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
            void queryClient.invalidateQueries({ queryKey: queryKeys.reports.all });
          }),
    [api, userId, queryClient],
  );
  useEffect(() => {
    outbox?.start();
    return () => outbox?.stop();
  }, [outbox]);
  return <OutboxContext.Provider value={outbox}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): DeviceOutbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('useOutbox outside OutboxProvider (or signed out)');
  return outbox;
}

/** The queued visits and needs, and whether a send is under way, re-rendering on every change. */
export function useOutboxState(): { entries: readonly OutboxEntry[]; sending: boolean } {
  const outbox = useOutbox();
  const entries = useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.all,
  );
  const sending = useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.isSending,
  );
  return { entries, sending };
}
