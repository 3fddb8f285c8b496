import createClient, { type Client } from 'openapi-fetch';
import type { SessionStore } from '../auth/session-store';
import { ApiProblem, NetworkError, SessionExpired } from './problem';
import type { paths } from './schema';
import type { Page } from './types';

export type ApiClient = Client<paths>;

/**
 * fetch with the bearer token; on a 401 it refreshes the session once (shared by concurrent requests) and
 * replays the request. A refresh that fails ends the session (SessionExpired); no answer at all is a
 * NetworkError.
 */
export function authenticatedFetch(session: SessionStore): (request: Request) => Promise<Response> {
  const send = async (request: Request, token: string | undefined): Promise<Response> => {
    const headers = new Headers(request.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return await fetch(new Request(request, { headers }));
    } catch (error: unknown) {
      throw new NetworkError(error);
    }
  };
  return async (request) => {
    const replay = request.clone();
    const token = session.current?.accessToken;
    const response = await send(request, token);
    if (response.status !== 401 || token === undefined) return response;
    const renewed = await session.refresh();
    return send(replay, renewed.accessToken);
  };
}

/** The typed client: every path, parameter and body checked against the API's OpenAPI document. */
export function createApiClient(session: SessionStore, baseUrl = ''): ApiClient {
  return createClient<paths>({ baseUrl, fetch: authenticatedFetch(session) });
}

/**
 * The data of an answer, or the problem thrown: `await unwrap(api.GET('/api/v1/me'))`. A 401 that survived
 * a refresh is a SessionExpired.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  if (response.status === 401) throw new SessionExpired();
  throw ApiProblem.from(response.status, error);
}

/**
 * A list answer (`{items, nextCursor}`). The API's document cannot describe its generic `Page<T>`, so the
 * item type is given here: `await unwrapPage<Visit>(api.GET('/api/v1/visits', …))`.
 */
export async function unwrapPage<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<Page<T>> {
  return (await unwrap<unknown>(call)) as Page<T>;
}
