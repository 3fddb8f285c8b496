import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { campaignsQuery, regionEnterprisesQuery } from '../../reference/reference-lists';

/** What this device holds for working offline: how many enterprises and campaigns, read when. */
export interface OfflineReads {
  enterprises: number;
  campaigns: number;
  at: string;
}

const OfflineReadsContext = createContext<OfflineReads | undefined>(undefined);

/**
 * For a field officer, once the service worker controls the page: reads the enterprises of their region and
 * the campaigns through it, so that it keeps a copy to answer from without signal (the visit form's
 * campaign list and enterprise search). Read again at each sign-in and whenever a new worker takes over.
 */
export function OfflineReadsProvider({ children }: { children: ReactNode }): ReactNode {
  const { api, user } = useAuth();
  const queryClient = useQueryClient();
  const [reads, setReads] = useState<OfflineReads>();
  const officer = user?.role === 'field_officer';
  useEffect(() => {
    setReads(undefined);
    if (!officer || !('serviceWorker' in navigator)) return undefined;
    const worker = navigator.serviceWorker;
    let current = true;
    const readAhead = (): void => {
      if (!worker.controller) return;
      // staleTime 0: through the network (and so the worker) even when this page has read them already.
      void Promise.all([
        queryClient.fetchQuery({ ...regionEnterprisesQuery(api), staleTime: 0 }),
        queryClient.fetchQuery({ ...campaignsQuery(api), staleTime: 0 }),
      ])
        .then(([enterprises, campaigns]) => {
          if (current && navigator.onLine) {
            setReads({ enterprises: enterprises.length, campaigns: campaigns.length, at: new Date().toISOString() });
          }
        })
        .catch(() => undefined);
    };
    readAhead();
    worker.addEventListener('controllerchange', readAhead);
    return () => {
      current = false;
      worker.removeEventListener('controllerchange', readAhead);
    };
  }, [api, officer, queryClient]);
  return <OfflineReadsContext.Provider value={reads}>{children}</OfflineReadsContext.Provider>;
}

/** "Ready offline": what the device holds, under the outbox of the officer's pages. */
export function OfflineReadsNote(): ReactNode {
  const { t, dateTime } = useI18n();
  const reads = useContext(OfflineReadsContext);
  if (reads === undefined) return null;
  return (
    <p className="hint" data-testid="offline-ready">
      {t('offline.ready', { enterprises: reads.enterprises, campaigns: reads.campaigns, at: dateTime(reads.at) })}
    </p>
  );
}
