import { ManualClock } from '@unblock/domain';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

interface CaseRow {
  id: string;
  number: string;
  enterpriseId: string;
  requestedAmount: string;
  status: string;
  updatedAt: string;
}

interface CasePage {
  items: CaseRow[];
  nextCursor: string | null;
}

interface Counts {
  total: number;
  byStatus: { status: string; count: number }[];
}

/** GET /api/v1/cases?q&sort and GET /api/v1/cases/counts: a supervisor's search of the cases of their region. */
describe('case search, sorting and counts', () => {
  const clock = new ManualClock(new Date('2026-06-20T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let textileId: string;
  const textileUscc = newUscc('410102');
  const heavy: CaseRow[] = [];
  const textile: CaseRow[] = [];

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    const admin = await api.userToken('admin');
    const enterprise = await api.request('POST', '/api/v1/enterprises', {
      token: admin.token,
      body: { uscc: textileUscc, name: '聊城纺织_100%', regionCode: '410102', size: 'small' },
    });
    expect(enterprise.status).toBe(201);
    textileId = String(enterprise.body['id']);
    const amounts = ['300000.00', '12500000.00', '800000.50'];
    for (const [i, amount] of amounts.entries()) {
      const visitId = await recordVisit(api, actors.officer, {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
        clientRef: `heavy-${i}`,
      });
      heavy.push((await diagnose(api, actors.officer, { visitId, requestedAmount: amount })) as unknown as CaseRow);
    }
    for (const [i, amount] of ['5000000.00', '40000.00'].entries()) {
      const visitId = await recordVisit(api, actors.officer, {
        campaignId: world.provinceCampaignId,
        enterpriseId: textileId,
        clientRef: `textile-${i}`,
      });
      textile.push(
        (await diagnose(api, actors.officer, { visitId, requestedAmount: amount, route: false })) as unknown as CaseRow,
      );
    }
  });

  afterAll(async () => {
    await api.stop();
  });

  const get = <T>(token: string, path: string) => api.request<T>('GET', `/api/v1/cases${path}`, { token });
  const ids = (rows: readonly { id: string }[]): string[] => rows.map((c) => c.id).sort();

  it('finds cases by part of the enterprise name, its USCC or the case number, wildcards taken literally', async () => {
    const byName = await get<CasePage>(actors.supervisor, `?q=${encodeURIComponent('纺织')}&limit=100`);
    expect(byName.status).toBe(200);
    expect(ids(byName.body.items)).toEqual(ids(textile));

    const byUscc = await get<CasePage>(actors.supervisor, `?q=${textileUscc.slice(8, 17).toLowerCase()}&limit=100`);
    expect(ids(byUscc.body.items)).toEqual(ids(textile));

    const first = heavy[0];
    if (!first) throw new Error('no case');
    const byNumber = await get<CasePage>(actors.supervisor, `?q=${encodeURIComponent(` ${first.number} `)}`);
    expect(byNumber.body.items.map((c) => c.id)).toEqual([first.id]);

    // `%` and `_` are characters of the name, not patterns: "_100%" finds the textile firm alone.
    const literal = await get<CasePage>(actors.supervisor, `?q=${encodeURIComponent('_100%')}&limit=100`);
    expect(ids(literal.body.items)).toEqual(ids(textile));
    const none = await get<CasePage>(actors.supervisor, `?q=${encodeURIComponent('%')}&limit=100`);
    expect(ids(none.body.items)).toEqual(ids(textile));

    // Another province's supervisor finds nothing of Henan.
    const hubei = await get<CasePage>(actors.hubeiSupervisor, `?q=${encodeURIComponent('纺织')}`);
    expect(hubei.body.items).toEqual([]);
  });

  it('combines the text with the other filters', async () => {
    const diagnosed = await get<CasePage>(actors.supervisor, `?q=${encodeURIComponent('纺织')}&status=diagnosed`);
    expect(ids(diagnosed.body.items)).toEqual(ids(textile));
    const assigned = await get<CasePage>(actors.supervisor, `?q=${encodeURIComponent('纺织')}&status=assigned`);
    expect(assigned.body.items).toEqual([]);
  });

  it('sorts by amount (largest first) and by the latest change, page by page', async () => {
    const every = [...heavy, ...textile];
    const byAmount = [...every].sort((a, b) => Number(b.requestedAmount) - Number(a.requestedAmount));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?sort=amount&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await get<CasePage>(actors.supervisor, query);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(byAmount.map((c) => c.id));

    const updated = await get<CasePage>(actors.supervisor, '?sort=updated&limit=100');
    expect(updated.status).toBe(200);
    const times = updated.body.items.map((c) => Date.parse(c.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(ids(updated.body.items)).toEqual(ids(every));
    const next = await get<CasePage>(actors.supervisor, '?sort=updated&limit=3');
    const rest = await get<CasePage>(
      actors.supervisor,
      `?sort=updated&limit=100&cursor=${encodeURIComponent(String(next.body.nextCursor))}`,
    );
    expect([...next.body.items, ...rest.body.items].map((c) => c.id)).toEqual(updated.body.items.map((c) => c.id));
  });

  it('counts what the filters hold, in all and by status in lifecycle order', async () => {
    const all = await get<Counts>(actors.supervisor, '/counts');
    expect(all.status).toBe(200);
    expect(all.body.byStatus.map((s) => s.status)).toEqual([
      'diagnosed',
      'submitted',
      'assigned',
      'claimed',
      'approved',
      'loan_signed',
      'closed',
      'screened_out',
      'repairing',
    ]);
    const count = (body: Counts, status: string): number => body.byStatus.find((s) => s.status === status)?.count ?? -1;
    expect(all.body.total).toBe(heavy.length + textile.length);
    expect(count(all.body, 'diagnosed')).toBe(textile.length);
    expect(count(all.body, 'assigned')).toBe(heavy.length);

    const text = await get<Counts>(actors.supervisor, `/counts?q=${encodeURIComponent('纺织')}`);
    expect(text.body.total).toBe(textile.length);
    const campaign = await get<Counts>(actors.supervisor, `/counts?campaignId=${world.hubeiCampaignId}`);
    expect(campaign.body.total).toBe(0);
    // A bank manager counts the cases at their bank, as their queue lists them.
    const bank = await get<Counts>(actors.leadManager, '/counts');
    const queue = await get<CasePage>(actors.leadManager, '?limit=200');
    expect(bank.body.total).toBe(queue.body.items.length);
    expect(await get<Counts>(actors.hubeiSupervisor, '/counts')).toMatchObject({ body: { total: 0 } });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['?q=', 'q'],
      ['?q=%20%20', 'q'],
      [`?q=${'纺'.repeat(101)}`, 'q'],
      ['?sort=amount_desc', 'sort'],
      ['?sort=', 'sort'],
      ['/counts?q=', 'q'],
      ['/counts?status=open', 'status'],
      ['/counts?overdue=maybe', 'overdue'],
      ['/counts?campaignId=nope', 'campaignId'],
      ['/counts?limit=5', 'limit'],
    ];
    for (const [path, field] of cases) {
      const response = await get<Record<string, unknown>>(actors.supervisor, path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body).toMatchObject({ errors: [expect.objectContaining({ field })] });
    }
  });

  it('refuses a cursor of another order with a 400 naming the cursor', async () => {
    const byAmount = await get<CasePage>(actors.supervisor, '?sort=amount&limit=1');
    const byDue = await get<CasePage>(actors.supervisor, '?limit=1');
    const amountCursor = encodeURIComponent(String(byAmount.body.nextCursor));
    const dueCursor = encodeURIComponent(String(byDue.body.nextCursor));
    for (const path of [
      `?cursor=${amountCursor}`,
      `?sort=updated&cursor=${amountCursor}`,
      `?sort=amount&cursor=${dueCursor}`,
    ]) {
      const response = await get<Record<string, unknown>>(actors.supervisor, path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body).toMatchObject({ errors: [expect.objectContaining({ field: 'cursor' })] });
    }
    // Other lists, in time order, refuse it too.
    const visits = await api.request('GET', `/api/v1/visits?cursor=${amountCursor}`, { token: actors.supervisor });
    expect(visits.status).toBe(400);
  });
});
