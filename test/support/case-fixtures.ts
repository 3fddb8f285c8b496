import type { World } from './fixtures';
import type { TestApi } from './test-api';

export interface Actors {
  officer: string;
  leadManager: string;
  leadManager2: string;
  deputyManager: string;
  institutionUser: string;
  hubeiManager: string;
  hubeiOfficer: string;
  supervisor: string;
  hubeiSupervisor: string;
}

/** A user of every kind that acts on the world's cases. */
export async function buildActors(api: TestApi, world: World): Promise<Actors> {
  const token = async (role: Parameters<TestApi['userToken']>[0], organizationId: string, regionCode: string) =>
    (await api.userToken(role, { organizationId, regionCode })).token;
  return {
    officer: await token('field_officer', world.regulatorId, '410100'),
    leadManager: await token('bank_manager', world.henanBankId, '410100'),
    leadManager2: await token('bank_manager', world.henanBankId, '410100'),
    deputyManager: await token('bank_manager', world.henanBank2Id, '410100'),
    // Member institutions share the pool; their managers claim pooled cases as banks' managers do.
    institutionUser: await token('bank_manager', world.institutionId, '410100'),
    hubeiManager: await token('bank_manager', world.hubeiBankId, '420100'),
    hubeiOfficer: await token('field_officer', world.regulatorId, '420100'),
    supervisor: await token('supervisor', world.regulatorId, '410000'),
    hubeiSupervisor: await token('supervisor', world.regulatorId, '420000'),
  };
}

export async function recordVisit(
  api: TestApi,
  token: string,
  body: { campaignId: string; enterpriseId: string; visitedOn?: string; clientRef?: string },
): Promise<string> {
  const response = await api.request('POST', '/api/v1/visits', {
    token,
    body: { kind: 'on_site_diagnosis', visitedOn: '2026-06-01', summary: '走访', ...body },
  });
  if (response.status !== 201) throw new Error(`visit: ${response.status} ${JSON.stringify(response.body)}`);
  return String(response.body['id']);
}

export interface CaseBody {
  visitId: string;
  requestedAmount?: string;
  route?: boolean;
  note?: string;
}

export async function diagnose(api: TestApi, token: string, body: CaseBody): Promise<Record<string, unknown>> {
  const response = await api.request('POST', '/api/v1/cases', {
    token,
    body: {
      requestedAmount: '5000000.00',
      purpose: 'equipment_upgrade',
      term: 'medium_long',
      bottlenecks: ['collateral_shortage', 'slow_approval'],
      ...body,
    },
  });
  if (response.status !== 201) throw new Error(`case: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
