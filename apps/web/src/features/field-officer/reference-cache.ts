import { unwrapPage, type ApiClient } from '../../api/client';
import { NetworkError } from '../../api/problem';
import type { Campaign, Enterprise } from '../../api/types';
import { readJson, writeJson } from '../../lib/storage';

const CAMPAIGNS_KEY = 'unblock.cache.campaigns';
const ENTERPRISES_KEY = 'unblock.cache.enterprises';

/** The campaigns, from the API or, offline, as last read: a visit can be written without signal. */
export async function loadCampaigns(api: ApiClient): Promise<Campaign[]> {
  try {
    const page = await unwrapPage<Campaign>(api.GET('/api/v1/campaigns', { params: { query: { limit: 100 } } }));
    const campaigns = page.items;
    writeJson(localStorage, CAMPAIGNS_KEY, campaigns);
    return campaigns;
  } catch (error: unknown) {
    const cached = readJson<Campaign[]>(localStorage, CAMPAIGNS_KEY);
    if (error instanceof NetworkError && cached) return cached;
    throw error;
  }
}

/** Enterprises by name or credit code; offline, among the ones found before on this device. */
export async function searchEnterprises(
  api: ApiClient,
  query: { uscc: string } | { q: string },
): Promise<Enterprise[]> {
  try {
    const page = await unwrapPage<Enterprise>(
      api.GET('/api/v1/enterprises', { params: { query: { ...query, limit: 20 } } }),
    );
    const found = page.items;
    const known = readJson<Enterprise[]>(localStorage, ENTERPRISES_KEY) ?? [];
    const merged = [...found, ...known.filter((k) => !found.some((f) => f.id === k.id))].slice(0, 200);
    writeJson(localStorage, ENTERPRISES_KEY, merged);
    return found;
  } catch (error: unknown) {
    if (!(error instanceof NetworkError)) throw error;
    const known = readJson<Enterprise[]>(localStorage, ENTERPRISES_KEY) ?? [];
    return known.filter((e) => ('uscc' in query ? e.uscc === query.uscc : e.name.includes(query.q)));
  }
}
