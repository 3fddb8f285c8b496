import { ManualClock } from '@unblock/domain';
import { buildActors, type Actors } from '../support/case-fixtures';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi, type HttpResult } from '../support/test-api';

const NEED = {
  requestedAmount: '3000000.00',
  purpose: 'working_capital',
  term: 'short',
  bottlenecks: ['collateral_shortage'],
};
const THROTTLE_LIMIT = 25;

interface PortalCase {
  id: string;
  number: string;
  status: string;
  bankName: string | null;
  dueAt: string | null;
  outcome: string | null;
  declineReason: string | null;
  contactAnswerable: boolean;
  contactConfirmed: boolean | null;
  rateable: boolean;
  score: number | null;
  comment: string | null;
}

describe('the enterprise’s own page (enterprise links, /portal with X-Portal-Token)', () => {
  const clock = new ManualClock(new Date('2026-06-02T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;

  const newLink = async (enterpriseId: string, token = actors.officer, body: object = {}): Promise<HttpResult> =>
    api.request('POST', `/api/v1/enterprises/${enterpriseId}/links`, { token, body });
  const tokenOf = (link: HttpResult): string => String(link.body['url']).split('/e/')[1] ?? '';
  const portal = <T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    portalToken: string,
    body?: object,
  ): Promise<HttpResult<T>> =>
    api.request<T>(method, `/api/v1/portal${path}`, {
      headers: { 'x-portal-token': portalToken },
      ...(body === undefined ? {} : { body }),
    });
  const act = (token: string, caseId: string, action: string, body: object = {}): Promise<HttpResult> =>
    api.request('POST', `/api/v1/cases/${caseId}/${action}`, { token, body });
  /** An enterprise of its own in Zhengzhou on the Henan chain, with a live link: its id and token. */
  const enterpriseWithLink = async (name: string): Promise<{ enterpriseId: string; token: string }> => {
    const created = await api.request('POST', '/api/v1/enterprises', {
      token: world.adminToken,
      body: {
        uscc: newUscc('410100'),
        name,
        regionCode: '410100',
        size: 'small',
        chainId: world.henanChainId,
        chainRole: 'member',
      },
    });
    expect(created.status).toBe(201);
    const enterpriseId = String(created.body['id']);
    const link = await newLink(enterpriseId);
    expect(link.status).toBe(201);
    return { enterpriseId, token: tokenOf(link) };
  };
  const publish = async (token: string): Promise<PortalCase> => {
    const published = await portal<PortalCase>('POST', '/cases', token, NEED);
    expect(published.status).toBe(201);
    return published.body;
  };

  beforeAll(async () => {
    api = await TestApi.start(
      { PORTAL_THROTTLE_LIMIT: String(THROTTLE_LIMIT), PUBLIC_URL: 'https://unblock.example.cn/' },
      { clock },
    );
    world = await buildWorld(api);
    actors = await buildActors(api, world);
  });

  afterAll(async () => {
    await api.stop();
  });

  it('makes a link (URL, SVG QR code, expiry) for staff in scope; stores only its hash; rotates and revokes', async () => {
    const link = await newLink(world.henanEnterpriseId, actors.officer, { validDays: 30 });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ enterpriseId: world.henanEnterpriseId, revokedAt: null });
    // On PUBLIC_URL (its trailing slash dropped), not on the request's host.
    expect(String(link.body['url'])).toMatch(/^https:\/\/unblock\.example\.cn\/e\/[A-Za-z0-9_-]{43}$/u);
    expect(String(link.body['qrSvg'])).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/u);
    expect(link.body['expiresAt']).toBe('2026-07-02T02:00:00.000Z');
    const token = tokenOf(link);
    const stored = await api.dataSource.query<{ token_hash: string }[]>(
      'SELECT token_hash FROM enterprise_links WHERE id = $1',
      [link.body['id']],
    );
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/u);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect((await portal('GET', '/me', token)).status).toBe(200);

    // Rotation: a new link revokes the live one.
    const rotated = await newLink(world.henanEnterpriseId, actors.supervisor);
    expect(rotated.status).toBe(201);
    const old = await portal('GET', '/me', token);
    expect(old.status).toBe(401);
    expect(old.body).toMatchObject({ status: 401, detail: 'the link was revoked' });
    const listed = await api.request<{ id: string; revokedAt: string | null }[]>(
      'GET',
      `/api/v1/enterprises/${world.henanEnterpriseId}/links`,
      { token: actors.officer },
    );
    expect(listed.body.map((l) => [l.id, l.revokedAt === null])).toEqual([
      [rotated.body['id'], true],
      [link.body['id'], false],
    ]);
    // Revoked by hand.
    const revoked = await api.request(
      'DELETE',
      `/api/v1/enterprises/${world.henanEnterpriseId}/links/${String(rotated.body['id'])}`,
      { token: actors.officer },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body['revokedAt']).toEqual(expect.any(String));
    expect((await portal('GET', '/me', tokenOf(rotated))).status).toBe(401);
    // A link that does not exist, or that is another enterprise's, is not found (the fuzz found a 500 here:
    // TypeORM answers an UPDATE as [rows, affected]).
    for (const [token, enterpriseId, linkId] of [
      [actors.officer, world.henanEnterpriseId, '00000000-0000-4000-8000-000000000000'],
      // An admin sees both enterprises: Henan's link under Hubei's enterprise is still no link of Hubei's.
      [world.adminToken, world.hubeiEnterpriseId, String(rotated.body['id'])],
    ]) {
      const unknown = await api.request('DELETE', `/api/v1/enterprises/${enterpriseId}/links/${linkId}`, { token });
      expect(unknown.status).toBe(404);
    }

    // Out of scope: another region's enterprise is not found; a bank manager may not make links.
    expect((await newLink(world.hubeiEnterpriseId, actors.officer)).status).toBe(404);
    expect((await newLink(world.henanEnterpriseId, actors.leadManager)).status).toBe(403);
    const bad = await newLink(world.henanEnterpriseId, actors.officer, { validDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual([expect.objectContaining({ field: 'validDays' })]);
  });

  it('answers 401 problem details to a missing, unknown or expired token', async () => {
    const missing = await api.request('GET', '/api/v1/portal/me');
    expect(missing.status).toBe(401);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect((await portal('GET', '/me', 'A'.repeat(43))).status).toBe(401);
    const { token } = await enterpriseWithLink('过期测试企业');
    const short = await newLink(world.henanEnterpriseId, actors.officer, { validDays: 1 });
    clock.advance(2 * 86_400_000);
    try {
      const expired = await portal('GET', '/me', tokenOf(short));
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ detail: 'the link has expired' });
      // A 90-day link still works.
      expect((await portal('GET', '/me', token)).status).toBe(200);
    } finally {
      clock.advance(-2 * 86_400_000);
    }
  });

  it('publishes a need of source enterprise on the one creation path, routed by 1+2+N, audited with the link', async () => {
    const { enterpriseId, token } = await enterpriseWithLink('自主发布企业');
    const me = await portal<{ enterpriseName: string; regionName: string; campaigns: { id: string }[] }>(
      'GET',
      '/me',
      token,
    );
    expect(me.body).toMatchObject({ enterpriseName: '自主发布企业', campaigns: [{ id: world.provinceCampaignId }] });
    const published = await publish(token);
    expect(published).toMatchObject({
      status: 'assigned',
      bankName: expect.any(String) as string,
      dueAt: expect.any(String) as string,
      outcome: null,
      contactAnswerable: false,
      rateable: false,
    });
    const detail = await api.request<{ source: string; enterpriseId: string; timeline: { type: string }[] }>(
      'GET',
      `/api/v1/cases/${published.id}`,
      { token: actors.officer },
    );
    expect(detail.body).toMatchObject({ source: 'enterprise', enterpriseId });
    expect(detail.body.timeline.map((e) => e.type)).toEqual(['diagnosed', 'routed']);
    const [link] = await api.dataSource.query<{ id: string }[]>(
      'SELECT id FROM enterprise_links WHERE enterprise_id = $1',
      [enterpriseId],
    );
    const audits = await api.dataSource.query<{ action: string; entity_id: string; actor_user_id: null }[]>(
      `SELECT action, entity_id, actor_user_id FROM audit_records WHERE enterprise_link_id = $1 ORDER BY at, action`,
      [link?.id],
    );
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'GET /api/v1/portal/me', entity_id: enterpriseId, actor_user_id: null },
        { action: 'POST /api/v1/portal/cases', entity_id: published.id, actor_user_id: null },
      ]),
    );
    // Staff still may not record the enterprise's own channel.
    const staff = await api.request('POST', '/api/v1/cases', {
      token: actors.officer,
      body: { source: 'enterprise', enterpriseId, campaignId: world.provinceCampaignId, ...NEED },
    });
    expect(staff.status).toBe(400);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const { token } = await enterpriseWithLink('输入校验企业');
    const before = await api.counts(['cases', 'feedback']);
    const cases = [
      [{ ...NEED, requestedAmount: '-5' }, 'requestedAmount'],
      [{ ...NEED, purpose: 'holiday' }, 'purpose'],
      [{ ...NEED, bottlenecks: [] }, 'bottlenecks'],
      [{ ...NEED, campaignId: world.hubeiCampaignId }, 'campaignId'],
    ] as const;
    for (const [body, field] of cases) {
      const answer = await portal('POST', '/cases', token, body);
      expect(answer.status).toBe(400);
      expect(answer.body['errors']).toEqual([expect.objectContaining({ field })]);
    }
    const published = await publish(token);
    const rating = await portal('POST', `/cases/${published.id}/rating`, token, { score: 6 });
    expect(rating.status).toBe(400);
    expect(rating.body['errors']).toEqual([expect.objectContaining({ field: 'score' })]);
    const contact = await portal('POST', `/cases/${published.id}/contact-confirmation`, token, { contacted: 'yes' });
    expect(contact.status).toBe(400);
    expect(contact.body['errors']).toEqual([expect.objectContaining({ field: 'contacted' })]);
    const after = await api.counts(['cases', 'feedback']);
    expect(after).toEqual({ ...before, cases: (before['cases'] ?? 0) + 1 });
  });

  it('publishes once per Idempotency-Key: a retry answers the first need and writes nothing', async () => {
    const { enterpriseId, token } = await enterpriseWithLink('重试发布企业');
    const send = (key: string): Promise<HttpResult<PortalCase>> =>
      api.request<PortalCase>('POST', '/api/v1/portal/cases', {
        headers: { 'x-portal-token': token, 'idempotency-key': key },
        body: NEED,
      });
    // A key as the page makes it: a UUID.
    const key = '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';
    const first = await send(key);
    const retry = await send(key);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const bad = await send('not a key!');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ field: 'Idempotency-Key' })] });
    const [row] = await api.dataSource.query<{ n: string }[]>(
      'SELECT count(*)::text AS n FROM cases WHERE enterprise_id = $1',
      [enterpriseId],
    );
    expect(row?.n).toBe('1');
  });

  it('shows a repairable decline’s reason and repair path, and a screened-out need’s unmet criteria', async () => {
    const { token } = await enterpriseWithLink('二次诊断企业');
    const published = await publish(token);
    expect((await act(actors.leadManager, published.id, 'decline', { reason: 'tax_arrears' })).status).toBe(200);
    const [repairing] = (await portal<{ items: Record<string, unknown>[] }>('GET', '/cases', token)).body.items;
    expect(repairing).toMatchObject({
      status: 'repairing',
      declineReason: 'tax_arrears',
      declineReasonName: '存在欠税',
      repairPath: expect.stringContaining('税务') as unknown,
      unmetCriteria: [],
    });
    const campaign = await api.request('POST', '/api/v1/campaigns', {
      token: world.adminToken,
      body: {
        name: '郑州申报筛查',
        kind: 'other',
        regionCode: '410100',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        screening: 'required',
      },
    });
    expect(campaign.status).toBe(201);
    const submitted = await portal<PortalCase>('POST', '/cases', token, {
      ...NEED,
      campaignId: String(campaign.body['id']),
    });
    expect(submitted.body.status).toBe('submitted');
    const criteria = Object.fromEntries(
      ['compliantOperation', 'fixedPremises', 'genuineNeed', 'goodCredit', 'lawfulPurpose'].map((c) => [
        c,
        { met: c !== 'goodCredit' },
      ]),
    );
    const screened = await act(actors.supervisor, submitted.body.id, 'screen', { criteria, decision: 'screen_out' });
    expect(screened.status).toBe(200);
    const needs = (await portal<{ items: Record<string, unknown>[] }>('GET', '/cases', token)).body.items;
    expect(needs.find((n) => n['id'] === submitted.body.id)).toMatchObject({
      status: 'screened_out',
      unmetCriteria: ['goodCredit'],
      repairPath: null,
    });
    // Ended, so that the other enterprises' pages offer the province's campaign again.
    const ended = await api.request('PATCH', `/api/v1/campaigns/${String(campaign.body['id'])}`, {
      token: world.adminToken,
      body: { endsOn: '2026-06-01' },
    });
    expect(ended.status).toBe(200);
  });

  it('reaches only the enterprise’s own needs: another enterprise’s case is 404', async () => {
    const first = await enterpriseWithLink('甲企业');
    const second = await enterpriseWithLink('乙企业');
    const theirs = await publish(second.token);
    const mine = await portal<{ items: PortalCase[] }>('GET', '/cases', first.token);
    expect(mine.body.items.map((c) => c.id)).not.toContain(theirs.id);
    for (const path of [`/cases/${theirs.id}/contact-confirmation`, `/cases/${theirs.id}/rating`]) {
      const answer = await portal(
        'POST',
        path,
        first.token,
        path.endsWith('rating') ? { score: 5 } : { contacted: true },
      );
      expect(answer.status).toBe(404);
    }
  });

  it('confirms contact once; a dispute opens a level-1 escalation and shows on the timeline', async () => {
    const { token } = await enterpriseWithLink('联系确认企业');
    const confirmedCase = await publish(token);
    const early = await portal('POST', `/cases/${confirmedCase.id}/contact-confirmation`, token, { contacted: true });
    expect(early.status).toBe(409);
    expect((await act(actors.leadManager, confirmedCase.id, 'claim')).status).toBe(200);
    expect((await act(actors.leadManager, confirmedCase.id, 'milestones', { type: 'contacted' })).status).toBe(200);
    const confirmed = await portal<PortalCase>('POST', `/cases/${confirmedCase.id}/contact-confirmation`, token, {
      contacted: true,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ contactConfirmed: true, contactAnswerable: false });
    const again = await portal('POST', `/cases/${confirmedCase.id}/contact-confirmation`, token, { contacted: false });
    expect(again.status).toBe(409);

    const disputedCase = await publish(token);
    expect((await act(actors.leadManager, disputedCase.id, 'claim')).status).toBe(200);
    expect((await act(actors.leadManager, disputedCase.id, 'milestones', { type: 'contacted' })).status).toBe(200);
    const disputed = await portal<PortalCase>('POST', `/cases/${disputedCase.id}/contact-confirmation`, token, {
      contacted: false,
      note: '没有接到电话',
    });
    expect(disputed.body).toMatchObject({ contactConfirmed: false });
    const escalations = await api.request<{ items: { caseId: string; level: number; status: string }[] }>(
      'GET',
      '/api/v1/escalations',
      { token: actors.supervisor },
    );
    expect(escalations.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: disputedCase.id, level: 1, status: 'open' })]),
    );
    expect(escalations.body.items.map((e) => e.caseId)).not.toContain(confirmedCase.id);
    const timeline = async (id: string): Promise<{ type: string; actorUserId: string | null }[]> =>
      (
        await api.request<{ timeline: { type: string; actorUserId: string | null }[] }>('GET', `/api/v1/cases/${id}`, {
          token: actors.supervisor,
        })
      ).body.timeline;
    expect((await timeline(disputedCase.id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['milestone.contacted', 'contact_disputed', 'escalated']),
    );
    expect(await timeline(confirmedCase.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'contact_confirmed', actorUserId: null })]),
    );
  });

  it('rates 1–5 once, only after the outcome is known; shows a decline’s reason', async () => {
    const { token } = await enterpriseWithLink('评价企业');
    const published = await publish(token);
    const early = await portal('POST', `/cases/${published.id}/rating`, token, { score: 4 });
    expect(early.status).toBe(409);
    // Declined by the lead bank: the reason shows; it moves on, so no outcome yet.
    expect((await act(actors.leadManager, published.id, 'decline', { reason: 'insufficient_collateral' })).status).toBe(
      200,
    );
    const [moved] = (await portal<{ items: PortalCase[] }>('GET', '/cases', token)).body.items;
    expect(moved).toMatchObject({ declineReason: 'insufficient_collateral', outcome: null, rateable: false });
    expect((await act(actors.supervisor, published.id, 'close', { resolution: 'not_eligible' })).status).toBe(200);
    const rated = await portal<PortalCase>('POST', `/cases/${published.id}/rating`, token, {
      score: 4,
      comment: ' 响应及时 ',
    });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ outcome: 'closed', score: 4, comment: '响应及时', rateable: false });
    const again = await portal('POST', `/cases/${published.id}/rating`, token, { score: 1 });
    expect(again.status).toBe(409);
    const rows = await api.dataSource.query<{ score: number }[]>('SELECT score FROM feedback WHERE case_id = $1', [
      published.id,
    ]);
    expect(rows).toEqual([{ score: 4 }]);
  });

  it('reports, per bank and chain, the contacts confirmed, the disputes and the average rating', async () => {
    // From the tests above: the lead bank's two contacts (one confirmed, one disputed); the deputy bank's
    // closed case rated 4; all on the Henan chain.
    const banks = await api.request<{ bankId: string; feedback: Record<string, unknown> }[]>(
      'GET',
      '/api/v1/reports/banks',
      { token: actors.supervisor },
    );
    expect(banks.status).toBe(200);
    const feedbackOf = (bankId: string): Record<string, unknown> | undefined =>
      banks.body.find((b) => b.bankId === bankId)?.feedback;
    expect(feedbackOf(world.henanBankId)).toEqual({
      contactAnswers: 2,
      contactsConfirmed: 1,
      contactConfirmedShare: '0.5000',
      disputes: 1,
      ratings: 0,
      averageRating: null,
    });
    expect(feedbackOf(world.henanBank2Id)).toMatchObject({ contactAnswers: 0, ratings: 1, averageRating: '4.00' });
    const csv = await api.app.inject({
      method: 'GET',
      url: '/api/v1/reports/banks',
      headers: { authorization: `Bearer ${actors.supervisor}`, accept: 'text/csv' },
    });
    expect(csv.statusCode).toBe(200);
    const [head] = csv.body.replace(/^\uFEFF/u, '').split(/\r?\n/u);
    // The enterprises' word, side by side (the loan outcomes' columns follow them).
    const columns = head?.split(',') ?? [];
    const first = columns.indexOf('企业反馈联系数');
    expect(columns.slice(first, first + 5)).toEqual([
      '企业反馈联系数',
      '企业确认联系占比',
      '企业反映未联系数',
      '企业评价数',
      '企业平均评分',
    ]);
    const chains = await api.request<{ chainId: string; feedback: Record<string, unknown> }[]>(
      'GET',
      '/api/v1/reports/chains',
      { token: actors.supervisor },
    );
    expect(chains.body.find((c) => c.chainId === world.henanChainId)?.feedback).toEqual({
      contactAnswers: 2,
      contactsConfirmed: 1,
      contactConfirmedShare: '0.5000',
      disputes: 1,
      ratings: 1,
      averageRating: '4.00',
    });
  });

  it('throttles a link: past the limit in the window, 429', async () => {
    const { token } = await enterpriseWithLink('限流企业');
    const statuses: number[] = [];
    for (let i = 0; i < THROTTLE_LIMIT + 2; i += 1) statuses.push((await portal('GET', '/me', token)).status);
    expect(statuses.slice(0, THROTTLE_LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(THROTTLE_LIMIT)).toEqual([429, 429]);
  });
});
