import type { INestApplicationContext } from '@nestjs/common';
import { ManualClock } from '@unblock/domain';
import { OutboxRelay } from '@unblock/queue';
import { ReportRollups } from '@unblock/reports';
import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { deadlineHandlers } from '../support/deadlines';
import { buildWorld, type World } from '../support/fixtures';
import { slaContext } from '../support/sla-context';
import { TestApi } from '../support/test-api';

const TOKEN = 'metrics-test-token-0123456789';

/** One sample of the text format: name, labels, value. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Parses Prometheus' text format line by line, checking every line is a comment or a well-formed sample. */
function parse(text: string): { families: Set<string>; samples: Sample[] } {
  const families = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\w+) (counter|gauge|histogram|summary|untyped)$/u.exec(line);
    if (type?.[1] !== undefined) families.add(type[1]);
    if (line.startsWith('#')) continue;
    const sample = /^(\w+)(?:\{(.*)\})? (\S+)$/u.exec(line);
    if (sample?.[1] === undefined || sample[3] === undefined) throw new Error(`not a sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/gu)) {
      if (key !== undefined && value !== undefined) labels[key] = value;
    }
    const text = sample[3].toLowerCase();
    const value = text === '+inf' ? Infinity : text === '-inf' ? -Infinity : text === 'nan' ? NaN : Number(text);
    if (Number.isNaN(value) && text !== 'nan') throw new Error(`not a value: ${line}`);
    samples.push({ name: sample[1], labels, value });
  }
  return { families, samples };
}

/** The value of the one sample of `name` whose labels include `labels` (undefined: none). */
function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

describe('GET /api/v1/metrics with no METRICS_TOKEN', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  it('is not there', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}` }, { authorization: 'Bearer ' }];
    for (const headers of attempts) {
      const response = await api.request('GET', '/api/v1/metrics', { headers });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/u);
    }
  });
});

describe('GET /api/v1/metrics behind METRICS_TOKEN', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let sla: INestApplicationContext;

  beforeAll(async () => {
    api = await TestApi.start({ METRICS_TOKEN: TOKEN }, { clock });
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    sla = await slaContext(api, clock);
  });

  afterAll(async () => {
    await sla.close();
    await api.stop();
  });

  const scrape = async () => {
    const response = await api.request<string>('GET', '/api/v1/metrics', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/u);
    return parse(response.body);
  };

  it('refuses a scrape without the token, or with another, or with a user’s access token', async () => {
    const admin = await api.userToken('admin');
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, `Bearer ${admin.token}`]) {
      const response = await api.request('GET', '/api/v1/metrics', {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ status: 401 });
    }
  });

  it('holds every family: requests, the event loop, the pools, queues, outbox, escalations, rollups', async () => {
    const { families, samples } = await scrape();
    for (const family of [
      'unblock_http_request_duration_seconds',
      'nodejs_eventloop_lag_seconds',
      'unblock_pg_pool_connections',
      'unblock_pg_pool_idle_connections',
      'unblock_pg_pool_waiting_queries',
      'unblock_queue_jobs',
      'unblock_outbox_backlog',
      'unblock_outbox_oldest_age_seconds',
      'unblock_escalations_open',
      'unblock_report_rollups_staleness_seconds',
      'unblock_report_rollups_last_refresh_timestamp_seconds',
      'unblock_metrics_read_failures_total',
    ]) {
      expect([family, families.has(family)]).toEqual([family, true]);
    }
    expect(valueOf(samples, 'unblock_pg_pool_connections', { pool: 'typeorm' })).toBeGreaterThan(0);
    for (const queue of ['sla', 'notifications', 'imports', 'reports', 'system']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(valueOf(samples, 'unblock_queue_jobs', { queue, state })).toBe(0);
      }
    }
    expect(samples.filter((s) => s.name === 'unblock_metrics_read_failures_total')).toEqual([]);
  });

  it('counts requests by route pattern and status, not by URL', async () => {
    const count = async () =>
      valueOf((await scrape()).samples, 'unblock_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/v1/cases/:id',
        status_code: '404',
      }) ?? 0;
    const before = await count();
    for (const id of ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']) {
      expect((await api.request('GET', `/api/v1/cases/${id}`, { token: actors.supervisor })).status).toBe(404);
    }
    expect(await count()).toBe(before + 2);
    expect((await scrape()).samples.some((s) => s.labels['route']?.includes('00000000') === true)).toBe(false);
  });

  it('moves with the outbox, the queues, an escalation and the rollups', async () => {
    const before = (await scrape()).samples;
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    const caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
    // Its claim deadline lies beyond the queue horizon (no message yet). Two hours before it, a supervisor
    // extends it by an hour: the transition writes the deadline's message to the outbox, the backlog until
    // the relay runs.
    const [first] = await api.dataSource.query<{ due_at: Date }[]>(
      `SELECT due_at FROM case_obligations WHERE case_id = $1 AND obligation = 'claim'`,
      [caseId],
    );
    clock.set(new Date((first?.due_at ?? new Date()).getTime() - 2 * 3600_000));
    const due = new Date(clock.now().getTime() + 3 * 3600_000);
    const extended = await api.request('POST', `/api/v1/cases/${caseId}/extend`, {
      token: actors.supervisor,
      body: { until: due.toISOString() },
    });
    expect(extended.status).toBe(200);
    const written = (await scrape()).samples;
    expect(valueOf(written, 'unblock_outbox_backlog')).toBeGreaterThan(valueOf(before, 'unblock_outbox_backlog') ?? 0);
    expect(valueOf(written, 'unblock_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    // The writes marked a day stale, and the rollups were never refreshed.
    expect(valueOf(written, 'unblock_report_rollups_staleness_seconds')).toBe(Infinity);
    expect(valueOf(written, 'unblock_report_rollups_last_refresh_timestamp_seconds')).toBe(0);

    const relay = sla.get(OutboxRelay);
    while ((await relay.relayOnce(clock.now())) > 0);
    const relayed = (await scrape()).samples;
    expect(valueOf(relayed, 'unblock_outbox_backlog')).toBe(0);
    expect(valueOf(relayed, 'unblock_outbox_oldest_age_seconds')).toBe(0);
    expect(valueOf(relayed, 'unblock_queue_jobs', { queue: 'sla', state: 'delayed' })).toBeGreaterThan(0);

    const [claim] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM case_obligations WHERE case_id = $1 AND obligation = 'claim' AND due_at = $2`,
      [caseId, due],
    );
    const openBefore = valueOf(relayed, 'unblock_escalations_open', { level: '1', status: 'open' }) ?? -1;
    clock.set(new Date(due.getTime() + 1000));
    const job = { obligationId: String(claim?.id), dueAt: due.toISOString() };
    expect(await deadlineHandlers(sla).deadline(job)).toEqual({
      done: 'escalated to level 1 and moved to the next tier',
    });
    const escalated = (await scrape()).samples;
    expect(valueOf(escalated, 'unblock_escalations_open', { level: '1', status: 'open' })).toBe(openBefore + 1);

    await api.app.get(ReportRollups).refresh();
    const refreshed = (await scrape()).samples;
    expect(valueOf(refreshed, 'unblock_report_rollups_staleness_seconds')).toBe(0);
    expect(valueOf(refreshed, 'unblock_report_rollups_last_refresh_timestamp_seconds')).toBe(
      clock.now().getTime() / 1000,
    );
  });
});
