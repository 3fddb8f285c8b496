import { PreparedStatements } from '@unblock/database';
import { randomUUID } from 'node:crypto';
import { AuditWriter, type AuditRow } from '../../apps/api/src/audit/audit-writer';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

describe('audit records', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    actors = await buildActors(api, world);
  });

  afterAll(async () => {
    await api.stop();
  });

  const row = (requestId: string, actorUserId: string | null = randomUUID()): AuditRow => ({
    actorUserId,
    at: new Date('2026-06-01T02:00:00Z'),
    action: 'POST /api/v1/test',
    entity: 'test',
    entityId: null,
    status: 201,
    ip: '127.0.0.1',
    userAgent: null,
    requestId,
  });

  it('leaves one record per write, each answered after its record is committed, under 60 concurrent visits', async () => {
    const before = await api.counts(['audit_records', 'visits']);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        api.request('POST', '/api/v1/visits', {
          token: actors.officer,
          headers: { 'user-agent': `phone-${i}` },
          body: {
            campaignId: world.provinceCampaignId,
            enterpriseId: world.henanEnterpriseId,
            kind: 'follow_up',
            visitedOn: '2026-05-30',
            summary: `visit ${i}`,
          },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 60 }, () => 201));
    const after = await api.counts(['audit_records', 'visits']);
    expect(after['visits']).toBe((before['visits'] ?? 0) + 60);
    expect(after['audit_records']).toBe((before['audit_records'] ?? 0) + 60);
    const records = await api.dataSource.query<
      { entity_id: string; user_agent: string; status: number; action: string }[]
    >(`SELECT entity_id, user_agent, status, action FROM audit_records WHERE entity_id = ANY($1)`, [
      answers.map((a) => String(a.body['id'])),
    ]);
    expect(records).toHaveLength(60);
    expect(new Set(records.map((r) => r.user_agent)).size).toBe(60);
    expect(records.every((r) => r.status === 201 && r.action === 'POST /api/v1/visits')).toBe(true);
  });

  it("writes a new visit's record with the visit, and a replayed visit's by the pipeline: one each", async () => {
    const body = {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
      kind: 'follow_up',
      visitedOn: '2026-05-30',
      clientRef: `audit-${randomUUID()}`,
    };
    const first = await api.request('POST', '/api/v1/visits', { token: actors.officer, body });
    const again = await api.request('POST', '/api/v1/visits', { token: actors.officer, body });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body['id']).toBe(first.body['id']);
    const records = await api.dataSource.query<{ status: number; action: string; actor_user_id: string }[]>(
      `SELECT status, action, actor_user_id FROM audit_records WHERE entity = 'visits' AND entity_id = $1 ORDER BY status DESC`,
      [first.body['id']],
    );
    expect(records.map((r) => [r.status, r.action])).toEqual([
      [201, 'POST /api/v1/visits'],
      [200, 'POST /api/v1/visits'],
    ]);
    expect(new Set(records.map((r) => r.actor_user_id)).size).toBe(1);
  });

  it("writes a claim's record with the claim, once; a claim that loses writes none", async () => {
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const won = await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token: actors.leadManager, body: {} });
    const lost = await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token: actors.leadManager, body: {} });
    expect([won.status, lost.status]).toEqual([200, 409]);
    const records = await api.dataSource.query<{ status: number; action: string; request_id: string }[]>(
      `SELECT status, action, request_id FROM audit_records WHERE entity = 'cases' AND entity_id = $1
          AND action LIKE '%/claim'`,
      [caseId],
    );
    expect(records.map((r) => [r.status, r.action])).toEqual([[200, 'POST /api/v1/cases/:id/claim']]);
    expect(records[0]?.request_id).toBe(won.headers['x-request-id']);
  });

  it("writes every case action's record with the action, once, and none for one refused", async () => {
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const act = (path: string, body: Record<string, unknown> = {}): Promise<number> =>
      api.request('POST', `/api/v1/cases/${caseId}/${path}`, { token: actors.leadManager, body }).then((r) => r.status);
    expect(await act('claim')).toBe(200);
    expect(await act('milestones', { type: 'contacted' })).toBe(200);
    expect(await act('pause', { note: 'waiting for documents' })).toBe(200);
    expect(await act('pause', { note: 'again' })).toBe(409);
    expect(await act('resume')).toBe(200);
    expect(await act('notes', { text: 'met the CFO' })).toBe(200);
    const records = await api.dataSource.query<{ action: string; status: number }[]>(
      `SELECT action, status FROM audit_records WHERE entity = 'cases' AND entity_id = $1 ORDER BY at, action`,
      [caseId],
    );
    expect(records.map((r) => `${r.status} ${r.action}`)).toEqual([
      '201 POST /api/v1/cases',
      '200 POST /api/v1/cases/:id/claim',
      '200 POST /api/v1/cases/:id/milestones',
      '200 POST /api/v1/cases/:id/pause',
      '200 POST /api/v1/cases/:id/resume',
      '200 POST /api/v1/cases/:id/notes',
    ]);
  });

  it('puts the records that arrive while one INSERT runs into the next, together; a bad row among them fails alone', async () => {
    const writer = api.app.get(AuditWriter);
    const tag = randomUUID();
    // A spy that calls through: it only counts the INSERTs (prepared statements, sent to the pool).
    const query = jest.spyOn(api.app.get(PreparedStatements).pool(), 'query') as unknown as jest.SpyInstance<
      unknown,
      [{ text: string; values: unknown[][] }]
    >;
    const outcomes = await Promise.allSettled([
      writer.write(row(`${tag}-0`)),
      writer.write(row(`${tag}-1`)),
      // Not a uuid: its batch fails, then each of that batch's rows is written alone.
      writer.write(row(`${tag}-bad`, 'not-a-uuid')),
      writer.write(row(`${tag}-3`)),
      writer.write(row(`${tag}-4`)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const inserts = query.mock.calls.filter(([config]) => config.text.includes('INSERT INTO audit_records'));
    query.mockRestore();
    // The first record alone; the four that arrived meanwhile in one INSERT, which failed; then one by one.
    expect(inserts.map(([config]) => config.values[0]?.length)).toEqual([1, 4, 1, 1, 1, 1]);
    const written = await api.dataSource.query<{ request_id: string }[]>(
      `SELECT request_id FROM audit_records WHERE request_id LIKE $1 ORDER BY request_id`,
      [`${tag}-%`],
    );
    expect(written.map((r) => r.request_id)).toEqual([`${tag}-0`, `${tag}-1`, `${tag}-3`, `${tag}-4`]);
  });
});
