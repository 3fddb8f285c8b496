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
    return new Date(String(due?.dueAt));
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
});
