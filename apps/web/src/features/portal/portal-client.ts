import createClient, { type Client } from 'openapi-fetch';
import { ApiProblem, NetworkError } from '../../api/problem';
import type { paths } from '../../api/schema';
import type { Schemas } from '../../api/types';

export type PortalMe = Schemas['PortalMeResponse'];
export type PortalCase = Schemas['PortalCaseResponse'];
export type PublishNeedBody = Schemas['PublishNeedDto'];

/** The typed client of the enterprise's page, and the header every request carries (its link's token). */
export interface PortalClient {
  readonly api: Client<paths>;
  readonly header: { 'X-Portal-Token': string };
}

export function createPortalClient(token: string, baseUrl = ''): PortalClient {
  const api = createClient<paths>({
    baseUrl,
    fetch: async (request: Request) => {
      try {
        return await fetch(request);
      } catch (error: unknown) {
        throw new NetworkError(error);
      }
    },
  });
  return { api, header: { 'X-Portal-Token': token } };
}

/** The data of an answer, or its problem (a 401: the link no longer works). */
export async function portalData<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw ApiProblem.from(response.status, error);
}
