import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApiClient, unwrap, type ApiClient } from '../api/client';
import { ApiProblem } from '../api/problem';
import { REFERENCE_FRESH_MS } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import type { User } from '../api/types';
import { useRouter } from '../app/router';
import { keepOnlyApiCacheOf } from '../offline/api-cache';
import { SessionStore, type StoredSession } from './session-store';

export interface Auth {
  api: ApiClient;
  store: SessionStore;
  user: User | undefined;
  /** The user's organization's name, once read (admins have none). */
  organizationName: string | undefined;
  /** True after a refresh failed: the sign-in page says why. */
  expired: boolean;
  /** Signed in with a one-time password: every page leads to the change-password page until it is changed. */
  mustChangePassword: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => void;
}

const AuthContext = createContext<Auth | undefined>(undefined);

/** Where to come back to after signing in again. */
export function signInPath(returnTo: string): string {
  return returnTo === '/' || returnTo.startsWith('/sign-in')
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(returnTo)}`;
}

/**
 * The session: who is signed in, the API client carrying their token, sign-in and sign-out. When the
 * signed-in user changes (or signs out), the query cache and the service worker's copies of other users'
 * reads are emptied: nothing read for one user is shown to the next.
 */
export function AuthProvider({ children }: { children: ReactNode }): ReactNode {
  const { navigate } = useRouter();
  const queryClient = useQueryClient();
  const store = useMemo(() => new SessionStore(), []);
  const api = useMemo(() => createApiClient(store), [store]);
  const [session, setSession] = useState<StoredSession | undefined>(store.current);
  const [expired, setExpired] = useState(false);
  const userId = useRef(store.current?.user.id);

  useEffect(
    () =>
      store.subscribe((next, reason) => {
        if (next?.user.id !== userId.current) {
          queryClient.clear();
          userId.current = next?.user.id;
        }
        setSession(next);
        if (reason === 'expired') {
          setExpired(true);
          navigate(signInPath(window.location.pathname + window.location.search), { replace: true });
        }
      }),
    [store, navigate, queryClient],
  );

  // The service worker's copies of the API (offline reads) belong to the signed-in user alone.
  const sessionUserId = session?.user.id;
  useEffect(() => void keepOnlyApiCacheOf(sessionUserId), [sessionUserId]);

  const organizationId = session?.user.organizationId ?? null;
  const organization = useQuery({
    queryKey: queryKeys.organizations.detail(organizationId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: organizationId ?? '' } } })),
    // Until a one-time password is changed, the API answers nothing else.
    enabled: organizationId !== null && session?.mustChangePassword !== true,
    staleTime: REFERENCE_FRESH_MS,
  });
  const organizationName = organizationId === null ? undefined : organization.data?.name;

  const value = useMemo<Auth>(
    () => ({
      api,
      store,
      user: session?.user,
      organizationName,
      expired,
      mustChangePassword: session?.mustChangePassword === true,
      signIn: async (email, password) => {
        const { data, error, response } = await api.POST('/api/v1/auth/login', { body: { email, password } });
        if (!response.ok || !data) throw ApiProblem.from(response.status, error);
        setExpired(false);
        store.signedIn(data);
      },
      signOut: () => {
        setExpired(false);
        void store.signOut().then(() => navigate('/sign-in', { replace: true }));
      },
    }),
    [api, store, session, organizationName, expired, navigate],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user; only for pages behind the sign-in (the shell guarantees one). */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a session');
  return user;
}
