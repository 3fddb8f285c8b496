import { buildActors, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

const TABLES = ['cases', 'case_events', 'outbox', 'audit_records'];

describe('Idempotency-Key on POSTs', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let body: Record<string, unknown>;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    body = { visitId, requestedAmount: '800000', purpose: 'working_capital', term: 'short', bottlenecks: ['other'] };
  });

  afterAll(async () => {
    await api.stop();
  });

  const post = (key: string, payload: unknown, token = actors.officer) =>
    api.request('POST', '/api/v1/cases', { token, body: payload, headers: { 'idempotency-key': key } });

  it('answers a retry with the first response and writes nothing more', async () => {
    const first = await post('phone-7:case-1', body);
    expect(first.status).toBe(201);
    const before = await api.counts(TABLES);
    const retry = await post('phone-7:case-1', body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await api.counts(TABLES)).toEqual(before);
  });

  it('refuses the same key with another body (422), and keeps keys apart per user', async () => {
    const other = await post('phone-7:case-1', { ...body, requestedAmount: '900000' });
    expect(other.status).toBe(422);
    expect(other.body['errors']).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    const colleague = await api.userToken('field_officer', { organizationId: world.regulatorId, regionCode: '410100' });
    expect((await post('phone-7:case-1', body, colleague.token)).status).toBe(201);
  });

  it('keeps nothing of a failed request, so it can be retried', async () => {
    const bad = await post('phone-7:case-2', { ...body, requestedAmount: '-1' });
    expect(bad.status).toBe(400);
    expect((await post('phone-7:case-2', body)).status).toBe(201);
  });

  it('runs one of many simultaneous requests with one key', async () => {
    const before = await api.counts(['cases']);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('phone-7:burst', body)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect((await api.counts(['cases']))['cases']).toBe((before['cases'] ?? 0) + 1);
  });

  it('refuses a malformed key', async () => {
    const response = await post('has spaces', body);
    expect(response.status).toBe(400);
    expect(response.body['errors']).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});
