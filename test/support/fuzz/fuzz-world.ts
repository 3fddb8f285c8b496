import type { Role } from '@unblock/domain';
import type { DataSource } from 'typeorm';
import { buildActors, diagnose, recordVisit } from '../case-fixtures';
import { buildWorld, newUscc } from '../fixtures';
import type { TestApi } from '../test-api';
import type { FuzzContext } from './fuzz-requests';

export interface FuzzWorld {
  readonly tokens: Readonly<Record<Role, string>>;
  /** What the requests are generated from, but the OpenAPI document. */
  readonly context: Omit<FuzzContext, 'document'>;
}

async function firstId(api: TestApi, token: string, path: string): Promise<string> {
  const answer = await api.request<{ items: { id: string }[] }>('GET', `/api/v1/${path}`, { token });
  const id = answer.body.items?.[0]?.id;
  if (id === undefined) throw new Error(`${path}: no item to take an id from (${answer.status})`);
  return id;
}

/**
 * The fixtures' world (two provinces with banks, chains, enterprises and campaigns), a user of each role,
 * a visit, a case routed to the Henan lead bank and an import: every path parameter names a row that
 * exists and that its caller may see, so that a request's checks run past "not found".
 */
export async function buildFuzzWorld(api: TestApi): Promise<FuzzWorld> {
  const world = await buildWorld(api);
  const actors = await buildActors(api, world);
  const visitId = await recordVisit(api, actors.officer, {
    campaignId: world.provinceCampaignId,
    enterpriseId: world.henanEnterpriseId,
  });
  const caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
  const visits = `enterpriseId,campaignId,visitedOn,kind\n${world.henanEnterpriseId},${world.provinceCampaignId},2026-06-02,follow_up`;
  const enterprises = `uscc,name,regionCode,size\n${newUscc('410102')},郑州新材料,410102,small`;
  const upload = await api.app.inject({
    method: 'POST',
    url: '/api/v1/imports/visits',
    headers: { authorization: `Bearer ${actors.officer}`, 'content-type': 'text/csv' },
    payload: visits,
  });
  if (upload.statusCode !== 202) throw new Error(`import: ${upload.statusCode} ${upload.body}`);
  const importId = String((JSON.parse(upload.body) as { id: string }).id);
  const userId = await firstId(api, world.adminToken, 'users');
  const slaPolicyId = await firstId(api, world.adminToken, 'sla-policies');
  const department = await api.request('POST', '/api/v1/organizations', {
    token: world.adminToken,
    body: { kind: 'government_department', name: '郑州市税务局', regionCode: '410100' },
  });
  if (department.status !== 201) throw new Error(`department: ${department.status}`);
  const partner = await api.userToken('partner_officer', {
    organizationId: String(department.body['id']),
    regionCode: '410100',
  });
  const ids: Record<string, string> = {
    cases: caseId,
    visits: visitId,
    campaigns: world.provinceCampaignId,
    regions: '410100',
    users: userId,
    'industrial-chains': world.henanChainId,
    organizations: world.henanBankId,
    enterprises: world.henanEnterpriseId,
    imports: importId,
    'sla-policies': slaPolicyId,
    calendars: world.calendarId,
  };
  const known = {
    ids: [
      world.henanBankId,
      world.henanBank2Id,
      world.institutionId,
      world.henanChainId,
      world.henanEnterpriseId,
      world.provinceCampaignId,
      world.calendarId,
      slaPolicyId,
      visitId,
      caseId,
      userId,
    ],
    usccs: [newUscc('410102'), newUscc('410100'), newUscc('420100')],
    regionCodes: ['410100', '410102', '420100'],
  };
  return {
    tokens: {
      admin: world.adminToken,
      field_officer: actors.officer,
      bank_manager: actors.leadManager,
      supervisor: actors.supervisor,
      partner_officer: partner.token,
    },
    context: {
      known,
      uploads: { visits, enterprises },
      // The row a path's parameter names, by the collection before it (`/cases/{id}/claim` → the case);
      // a collection without a row of its own (escalations, notifications) gets an id that names none.
      idFor: (path, param) => {
        const collection = /\/api\/v1\/(?:me\/)?([a-z-]+)\/\{/u.exec(path)?.[1] ?? '';
        return ids[collection] ?? (param === 'code' ? '410100' : '00000000-0000-4000-8000-00000000f022');
      },
    },
  };
}

/**
 * Each table's row count and a digest of its rows (md5 of every row's text, in order), in one statement:
 * taken before and after an operation's requests, it shows whether any of them wrote anything.
 */
export async function tableDigests(dataSource: DataSource): Promise<Record<string, string>> {
  const tables = await dataSource.query<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const quote = (name: string): string => `"${name.replace(/"/gu, '""')}"`;
  const statement = tables
    .map(
      ({ name }) =>
        `SELECT '${name.replace(/'/gu, "''")}' AS name, count(*) || ':' || ` +
        `md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${quote(name)} t`,
    )
    .join(' UNION ALL ');
  const rows = await dataSource.query<{ name: string; digest: string }[]>(statement);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
