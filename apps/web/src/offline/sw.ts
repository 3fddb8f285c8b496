/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { apiCacheName, isOfflineRead, tokenSubject } from './api-cache';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/**
 * The console's service worker (built to /sw.js by vite-plugin-pwa). It keeps the shell (index.html and the
 * hashed assets) so the console opens without signal after its first load, and, per user, the last answers of
 * the reads a field officer needs offline (api-cache.ts): network first, the copy when the network fails
 * or is slow. Writes are never cached: a visit or a need written offline waits in the page's outbox.
 */
void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every path of the console is the one page; the API's and the queue board's are not.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/(api|admin)(\/|$)/u] }));

const perUser = new Map<string, NetworkFirst>();
const passThrough = new NetworkOnly();

registerRoute(
  ({ request, url }) => url.origin === self.location.origin && isOfflineRead(request.method, url.pathname),
  (options) => {
    const userId = tokenSubject(options.request.headers.get('authorization'));
    if (userId === undefined) return passThrough.handle(options);
    let strategy = perUser.get(userId);
    if (strategy === undefined) {
      strategy = new NetworkFirst({ cacheName: apiCacheName(userId), networkTimeoutSeconds: 6 });
      perUser.set(userId, strategy);
    }
    return strategy.handle(options);
  },
);
