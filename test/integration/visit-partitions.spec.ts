import { ManualClock } from '@unblock/domain';
import { ImportRunner } from '@unblock/imports';
import type { INestApplicationContext } from '@nestjs/common';
import { archiveVisitMonth, ensureVisitMonths } from '../../apps/cli/src/visit-partitions';
import { buildActors, type Actors } from '../support/case-fixtures';
import { buildWorld, type World } from '../support/fixtures';
import { importsContext, multipart } from '../support/imports-context';
import { TestApi } from '../support/test-api';

describe('visits partitioned by month', () => {
  const clock = new ManualClock(new Date('2026-06-20T02:00:00Z'));
  let api: TestApi;
  let context: INestApplicationContext;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    context = await importsContext(api, clock);
    world = await buildWorld(api);
    actors = await buildActors(api, world);
  });

  afterAll(async () => {
    await context.close();
    await api.stop();
  });

  const visit = (body: Record<string, unknown>) =>
    api.request<{ id: string; visitedOn: string; clientRef: string | null }>('POST', '/api/v1/visits', {
      token: actors.officer,
      body: {
        campaignId: world.provinceCampaignId,
        enterpriseId: world.henanEnterpriseId,
        kind: 'policy_promotion',
        ...body,
      },
    });
  const partitionOf = async (id: string): Promise<string | undefined> =>
    (
      await api.dataSource.query<{ part: string }[]>(
        'SELECT tableoid::regclass::text AS part FROM visits WHERE id = $1',
        [id],
      )
    )[0]?.part;
  const exists = async (name: string): Promise<boolean> =>
    (await api.dataSource.query<{ found: string | null }[]>('SELECT to_regclass($1)::text AS found', [name]))[0]
      ?.found !== null;

  it('takes a visit of a month without a partition into the default one; making the month moves it there', async () => {
    await api.dataSource.query(`SELECT visits_archive_month('2026-01-15')`); // no partition: nothing to do
    expect(await exists('public.visits_2026_01')).toBe(false);
    const made = await visit({ visitedOn: '2026-01-12', summary: '默认分区' });
    expect(made.status).toBe(201);
    expect(await partitionOf(made.body.id)).toBe('visits_default');

    expect(await ensureVisitMonths(api.dataSource, '2026-01-01', 2)).toEqual(['visits_2026_01', 'visits_2026_02']);
    expect(await partitionOf(made.body.id)).toBe('visits_2026_01');
    const read = await api.request<{ id: string; summary: string }>('GET', `/api/v1/visits/${made.body.id}`, {
      token: actors.officer,
    });
    expect(read.body).toMatchObject({ id: made.body.id, summary: '默认分区' });
  });

  it('answers the first visit to a retry of its clientRef on another day, as before partitions', async () => {
    const first = await visit({ visitedOn: '2026-01-20', clientRef: 'sync-across-months' });
    const retry = await visit({ visitedOn: '2026-04-02', clientRef: 'sync-across-months' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: first.body.id, visitedOn: '2026-01-20' });
    const [count] = await api.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM visits WHERE client_ref = 'sync-across-months'`,
    );
    expect(count?.n).toBe(1);
  });

  it('the import makes the partition of each month it writes before writing it', async () => {
    const [enterprise] = await api.dataSource.query<{ uscc: string }[]>('SELECT uscc FROM enterprises WHERE id = $1', [
      world.henanEnterpriseId,
    ]);
    expect(await exists('public.visits_2026_03')).toBe(false);
    const csv = [
      'enterpriseUscc,campaignId,visitedOn,kind,summary,clientRef',
      `${enterprise?.uscc},${world.provinceCampaignId},2026-03-03,follow_up,三月,part-1`,
      `${enterprise?.uscc},${world.provinceCampaignId},2026-05-30,follow_up,五月,part-2`,
    ].join('\n');
    const body = multipart(csv, 'months.csv');
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/imports/visits',
      headers: { authorization: `Bearer ${actors.officer}`, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(202);
    await context.get(ImportRunner).run((JSON.parse(response.body) as { id: string }).id, 1);
    const rows = await api.dataSource.query<{ client_ref: string; part: string; version: string }[]>(
      `SELECT client_ref, tableoid::regclass::text AS part, substr(id::text, 15, 1) AS version
         FROM visits WHERE client_ref LIKE 'part-%' ORDER BY client_ref`,
    );
    expect(rows).toEqual([
      { client_ref: 'part-1', part: 'visits_2026_03', version: '7' },
      { client_ref: 'part-2', part: 'visits_2026_05', version: '7' },
    ]);
  });

  it('detaches an old month into the archive schema; a case diagnosed from one of its visits still reads', async () => {
    const made = await visit({ visitedOn: '2026-02-10', summary: '将归档' });
    expect(await partitionOf(made.body.id)).toBe('visits_2026_02');
    const diagnosed = await api.request<{ id: string; originVisitId: string }>('POST', '/api/v1/cases', {
      token: actors.officer,
      body: {
        visitId: made.body.id,
        requestedAmount: '1000000.00',
        purpose: 'working_capital',
        term: 'short',
        bottlenecks: ['collateral_shortage'],
        route: false,
      },
    });
    expect(diagnosed.status).toBe(201);

    expect(await archiveVisitMonth(api.dataSource, '2026-02-01')).toBe('archive.visits_2026_02');
    expect(await exists('public.visits_2026_02')).toBe(false);
    const [archived] = await api.dataSource.query<{ summary: string }[]>(
      'SELECT summary FROM archive.visits_2026_02 WHERE id = $1',
      [made.body.id],
    );
    expect(archived?.summary).toBe('将归档');
    expect((await api.request('GET', `/api/v1/visits/${made.body.id}`, { token: actors.officer })).status).toBe(404);
    const read = await api.request<{ id: string; originVisitId: string }>('GET', `/api/v1/cases/${diagnosed.body.id}`, {
      token: actors.officer,
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: diagnosed.body.id, originVisitId: made.body.id });

    // A visit of the archived month afterwards is not lost: it lands in the default partition.
    const later = await visit({ visitedOn: '2026-02-11' });
    expect(later.status).toBe(201);
    expect(await partitionOf(later.body.id)).toBe('visits_default');
  });
});
