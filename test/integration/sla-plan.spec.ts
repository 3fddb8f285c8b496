import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

interface Obligation {
  obligation: string;
  dueAt: string;
  metAt: string | null;
  cancelledAt: string | null;
}

describe("a campaign's SLA plan", () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    admin = (await api.userToken('admin', { organizationId: world.regulatorId, regionCode: null })).token;
  });

  afterAll(async () => {
    await api.stop();
  });

  /** A new case, claimed: the due date of its first contact. */
  async function claimedFirstContactDue(): Promise<Date> {
    return (await claimedCase()).due;
  }

  /** A new case, claimed: its id and the due date of its first contact. */
  async function claimedCase(): Promise<{ caseId: string; due: Date }> {
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const claimed = await api.request('POST', `/api/v1/cases/${caseId}/claim`, { token: actors.leadManager, body: {} });
    expect(claimed.status).toBe(200);
    const detail = await api.request<{ obligations: Obligation[] }>('GET', `/api/v1/cases/${caseId}`, {
      token: actors.leadManager,
    });
    const due = detail.body.obligations.find((o) => o.obligation === 'first_contact' && o.metAt === null);
    return { caseId, due: new Date(String(due?.dueAt)) };
  }

  async function openFirstContactDue(caseId: string): Promise<string | undefined> {
    const detail = await api.request<{ obligations: Obligation[] }>('GET', `/api/v1/cases/${caseId}`, {
      token: actors.leadManager,
    });
    return detail.body.obligations.find((o) => o.obligation === 'first_contact' && o.metAt === null)?.dueAt;
  }

  it('honours a calendar changed a moment ago on the very next claim', async () => {
    const before = await claimedFirstContactDue();
    // The same claim again, unchanged calendar: the same deadline.
    expect((await claimedFirstContactDue()).toISOString()).toBe(before.toISOString());

    const policies = await api.request<{ items: { isDefault: boolean; calendarId: string }[] }>(
      'GET',
      '/api/v1/sla-policies',
      { token: admin },
    );
    const calendarId = policies.body.items.find((p) => p.isDefault)?.calendarId ?? '';
    const calendars = await api.request<{ items: { id: string; holidays: string[] }[] }>('GET', '/api/v1/calendars', {
      token: admin,
    });
    const holidays = calendars.body.items.find((c) => c.id === calendarId)?.holidays ?? [];
    // Dates as they are written: a calendar read can be sent back as it is.
    expect(holidays.length).toBeGreaterThan(10);
    expect(holidays.every((h) => /^\d{4}-\d{2}-\d{2}$/u.test(h))).toBe(true);
    // The deadline's own day (Shanghai) becomes a holiday: the deadline moves to a later business day.
    const day = new Date(before.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const patched = await api.request('PATCH', `/api/v1/calendars/${calendarId}`, {
      token: admin,
      body: { holidays: [...holidays, day] },
    });
    expect(patched.status).toBe(200);

    const after = await claimedFirstContactDue();
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });

  it('keeps the open deadlines when a policy is edited, and gives the new durations to the next', async () => {
    const open = await claimedCase();
    const policies = await api.request<{ items: { id: string; isDefault: boolean; firstContact: string }[] }>(
      'GET',
      '/api/v1/sla-policies',
      { token: admin },
    );
    const policy = policies.body.items.find((p) => p.isDefault);
    expect(policy?.firstContact).toBe('2BD');
    const edited = await api.request('PATCH', `/api/v1/sla-policies/${policy?.id}`, {
      token: admin,
      body: { firstContact: '20BD' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual(expect.objectContaining({ firstContact: '20BD', isDefault: true }));

    expect(await openFirstContactDue(open.caseId)).toBe(open.due.toISOString());
    const next = await claimedFirstContactDue();
    // 18 business days more: at least three and a half weeks later.
    expect(next.getTime() - open.due.getTime()).toBeGreaterThan(24 * 86_400_000);

    const restored = await api.request('PATCH', `/api/v1/sla-policies/${policy?.id}`, {
      token: admin,
      body: { firstContact: '2BD' },
    });
    expect(restored.status).toBe(200);
  });

  it("applies a campaign's newly named policy to the cases claimed after the edit", async () => {
    const before = await claimedCase();
    const calendars = await api.request<{ items: { id: string }[] }>('GET', '/api/v1/calendars', { token: admin });
    const created = await api.request<{ id: string }>('POST', '/api/v1/sla-policies', {
      token: admin,
      body: { name: '一小时联系', calendarId: calendars.body.items[0]?.id, firstContact: 'PT1H' },
    });
    expect(created.status).toBe(201);
    const patched = await api.request('PATCH', `/api/v1/campaigns/${world.provinceCampaignId}`, {
      token: admin,
      body: { slaPolicyId: created.body.id },
    });
    expect(patched.status).toBe(200);

    const after = await claimedCase();
    expect(after.due.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000 + 60_000);
    expect(await openFirstContactDue(before.caseId)).toBe(before.due.toISOString());

    const back = await api.request('PATCH', `/api/v1/campaigns/${world.provinceCampaignId}`, {
      token: admin,
      body: { slaPolicyId: null },
    });
    expect(back.body).toEqual(expect.objectContaining({ slaPolicyId: null }));
  });
});
