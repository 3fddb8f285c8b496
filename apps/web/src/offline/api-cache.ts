/**
 * What the service worker keeps of the API for a field officer without signal, and for whom. Shared by the
 * worker (which fills the caches) and the page (which empties them when the user changes); plain
 * TypeScript, no DOM or worker globals.
 */

/** Every API cache is named after its user: one user's answers never answer another's requests. */
export const API_CACHE_PREFIX = 'unblock-api-';

export function apiCacheName(userId: string): string {
  return `${API_CACHE_PREFIX}${userId}`;
}

/**
 * The reads kept for offline work: the enterprises (the officer's region: the API scopes the list) and the
 * campaigns, lists and single items. Nothing else of the API is kept, and never a write.
 */
const OFFLINE_READS = /^\/api\/v1\/(enterprises|campaigns)(\/[0-9a-f-]{36})?$/u;

export function isOfflineRead(method: string, pathname: string): boolean {
  return method === 'GET' && OFFLINE_READS.test(pathname);
}

/**
 * The user a request is made for: the `sub` of its bearer token, read (not verified: the API does that)
 * only to pick that user's cache. No token, or one that cannot be read: undefined, and nothing is kept.
 */
export function tokenSubject(authorization: string | null): string | undefined {
  const token = /^Bearer ([^.\s]+)\.([^.\s]+)\.[^.\s]*$/u.exec(authorization ?? '');
  if (!token?.[2]) return undefined;
  try {
    const base64 = token[2].replace(/-/gu, '+').replace(/_/gu, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')));
    const sub = typeof claims === 'object' && claims !== null ? (claims as { sub?: unknown }).sub : undefined;
    return typeof sub === 'string' && /^[0-9a-f-]{36}$/u.test(sub) ? sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Deletes the API caches of every user but `keep` (all of them when signed out): called whenever the
 * signed-in user changes, so a shared phone holds no one else's enterprises.
 */
export async function keepOnlyApiCacheOf(keep: string | undefined): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(API_CACHE_PREFIX) && (keep === undefined || name !== apiCacheName(keep)))
      .map((name) => caches.delete(name)),
  );
}
