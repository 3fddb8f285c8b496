import { usccCheckCharacter } from '@unblock/domain';
import type { TestApi } from './test-api';

let serial = 0;

/** A fresh, valid unified social credit code of a company registered in `regionCode`. */
export function newUscc(regionCode = '410100'): string {
  serial += 1;
  const body = `91${regionCode}${String(Date.now() % 1e6).padStart(6, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return body + String(usccCheckCharacter(body));
}

/** A GB/T 2260 county code under city `cityCode` (e.g. 4101xx) not used before in this process. */
export function newCountyCode(cityCode = '410100'): string {
  serial += 1;
  return `${cityCode.slice(0, 4)}${String(10 + (serial % 89)).padStart(2, '0')}`;
}

export interface World {
  adminToken: string;
  henanBankId: string;
  henanBank2Id: string;
  hubeiBankId: string;
  regulatorId: string;
  institutionId: string;
  henanChainId: string;
  hubeiChainId: string;
  henanEnterpriseId: string;
  hubeiEnterpriseId: string;
  provinceCampaignId: string;
  hubeiCampaignId: string;
  /** The default calendar the migrations ship. */
  calendarId: string;
  /** The default SLA policy the migrations ship. */
  slaPolicyId: string;
  /** A repairable decline reason the migrations ship (incomplete documents). */
  declineReasonId: string;
}

async function created(api: TestApi, token: string, path: string, body: object): Promise<string> {
  const response = await api.request('POST', `/api/v1/${path}`, { token, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return String(response.body['id']);
}

/**
 * Two provinces through the API: Henan (410000) with Zhengzhou (410100) and Hubei (420000) with Wuhan
 * (420100); a bank, a chain, an enterprise and a campaign in each.
 */
export async function buildWorld(api: TestApi): Promise<World> {
  const admin = await api.userToken('admin');
  const t = admin.token;
  for (const [code, name, parentCode] of [
    ['410000', '河南省', undefined],
    ['410100', '郑州市', '410000'],
    ['410102', '中原区', '410100'],
    ['420000', '湖北省', undefined],
    ['420100', '武汉市', '420000'],
  ] as const) {
    await created(api, t, 'regions', { code, name, ...(parentCode ? { parentCode } : {}) });
  }
  const henanBankId = await created(api, t, 'organizations', { kind: 'bank', name: '郑州银行', regionCode: '410100' });
  const henanBank2Id = await created(api, t, 'organizations', { kind: 'bank', name: '中原银行', regionCode: '410100' });
  const hubeiBankId = await created(api, t, 'organizations', { kind: 'bank', name: '汉口银行', regionCode: '420100' });
  const regulatorId = await created(api, t, 'organizations', {
    kind: 'regulator',
    name: '人民银行郑州分行',
    regionCode: '410100',
  });
  const institutionId = await created(api, t, 'organizations', {
    kind: 'institution',
    name: '中原证券',
    regionCode: '410100',
  });
  const henanChainId = await created(api, t, 'industrial-chains', {
    name: '装备制造',
    regionCode: '410100',
    leadBankId: henanBankId,
    deputyBankId: henanBank2Id,
    memberOrgIds: [institutionId],
  });
  const hubeiChainId = await created(api, t, 'industrial-chains', {
    name: '光电子',
    regionCode: '420100',
    leadBankId: hubeiBankId,
    deputyBankId: henanBank2Id,
    memberOrgIds: [],
  });
  const henanEnterpriseId = await created(api, t, 'enterprises', {
    uscc: newUscc('410102'),
    name: '郑州重工',
    regionCode: '410102',
    chainId: henanChainId,
    chainRole: 'leader',
    size: 'large',
    tags: ['high_tech'],
  });
  const hubeiEnterpriseId = await created(api, t, 'enterprises', {
    uscc: newUscc('420100'),
    name: '武汉光谷',
    regionCode: '420100',
    size: 'medium',
  });
  // A well-known valid code, taken, for the duplicate checks.
  await created(api, t, 'enterprises', {
    uscc: '91110000600037341L',
    name: '示例企业',
    regionCode: '420100',
    size: 'large',
  });
  const provinceCampaignId = await created(api, t, 'campaigns', {
    name: '河南诊断疏通',
    kind: 'diagnose_unblock',
    regionCode: '410000',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  const hubeiCampaignId = await created(api, t, 'campaigns', {
    name: '湖北万企',
    kind: 'gm_visits',
    regionCode: '420000',
    startsOn: '2026-03-01',
    endsOn: '2026-08-31',
  });
  const calendars = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/calendars', { token: t });
  const policies = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/sla-policies', { token: t });
  const reasons = await api.request<{ items: { id: string; code: string }[] }>('GET', '/api/v1/decline-reasons', {
    token: t,
  });
  return {
    declineReasonId: String(reasons.body.items.find((r) => r.code === 'incomplete_documents')?.id),
    calendarId: String(calendars.body.items[0]?.id),
    slaPolicyId: String(policies.body.items[0]?.id),
    adminToken: t,
    henanBankId,
    henanBank2Id,
    hubeiBankId,
    regulatorId,
    institutionId,
    henanChainId,
    hubeiChainId,
    henanEnterpriseId,
    hubeiEnterpriseId,
    provinceCampaignId,
    hubeiCampaignId,
  };
}
