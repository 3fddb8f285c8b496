import { ReportRollups, ReportsService } from '@unblock/reports';
import type { Actor } from '@unblock/domain';
import type { AddressInfo } from 'node:net';
import { generateCampaign } from '../../apps/cli/src/campaign-generator';
import { TestApi } from '../support/test-api';
import { median, percentile, timed, type Comparison } from './harness';

export interface DashboardSize {
  readonly visits: number;
  readonly enterprises: number;
  readonly cases: number;
  /** Requests per endpoint per round. */
  readonly requests: number;
  readonly rounds: number;
}

export const DASHBOARD_SIZES: Record<'tiny' | 'full', DashboardSize> = {
  tiny: { visits: 3000, enterprises: 300, cases: 400, requests: 10, rounds: 2 },
  full: { visits: 9_430_000, enterprises: 200_000, cases: 1_000_000, requests: 100, rounds: 3 },
};

/**
 * The dashboards at province size: `campaign:generate` writes the campaign, the rollups are rebuilt, then
 * each round times `requests` GETs of /reports/summary and /reports/chains (whole campaign and one month), a
 * city's summary, a bank manager's summary and first page of /cases over HTTP, and once the same summary figures by a full scan of the base tables (the reference
 * reader). Ratio: the dashboard's p95 ÷ the scan (target ≤ 0.1, and p95 ≤ 200 ms).
 */
export async function dashboardBenchmarks(
  size: DashboardSize,
  log: (line: string) => void = () => undefined,
): Promise<Comparison[]> {
  const api = await TestApi.start({ DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'silent' });
  try {
    await api.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    log(`generating ${size.visits} visits, ${size.enterprises} enterprises, ${size.cases} cases`);
    const generated = await generateCampaign(api.database.url, {
      visits: size.visits,
      enterprises: size.enterprises,
      cases: size.cases,
      seed: 9_430_000,
    });
    const rebuildMs = await timed(() => api.app.get(ReportRollups).rebuild(generated.campaignId));
    log(`generated in ${generated.seconds} s; rollups rebuilt in ${Math.round(rebuildMs / 100) / 10} s`);
    const [regulator] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organizations WHERE kind = 'regulator' AND region_code = '370000' LIMIT 1`,
    );
    const [bank] = await api.dataSource.query<{ id: string }[]>(
      `SELECT assigned_bank_id AS id FROM cases WHERE campaign_id = $1 AND assigned_bank_id IS NOT NULL LIMIT 1`,
      [generated.campaignId],
    );
    const supervisor = await api.userToken('supervisor', {
      organizationId: regulator?.id ?? null,
      regionCode: '370000',
    });
    const manager = await api.userToken('bank_manager', { organizationId: bank?.id ?? null, regionCode: '370000' });
    const actor: Actor = {
      userId: supervisor.userId,
      role: 'supervisor',
      organizationId: regulator?.id ?? null,
      regionCode: '370000',
    };
    const query = `campaignId=${generated.campaignId}`;
    const get = async (path: string, token: string): Promise<void> => {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const reference = api.app.get(ReportsService).fromBaseTables();

    const month = `${query}&from=2026-03-01&to=2026-03-31`;
    const endpoints = [
      { name: 'GET /reports/summary', path: `/api/v1/reports/summary?${query}`, token: supervisor.token },
      { name: 'GET /reports/chains', path: `/api/v1/reports/chains?${query}`, token: supervisor.token },
      { name: 'GET /reports/summary, one month', path: `/api/v1/reports/summary?${month}`, token: supervisor.token },
      { name: 'GET /reports/chains, one month', path: `/api/v1/reports/chains?${month}`, token: supervisor.token },
      {
        name: 'GET /reports/summary, a city',
        path: `/api/v1/reports/summary?${query}&regionCode=370100`,
        token: supervisor.token,
      },
      { name: "bank manager's GET /reports/summary", path: `/api/v1/reports/summary?${query}`, token: manager.token },
      { name: "bank manager's GET /cases first page", path: '/api/v1/cases?limit=50', token: manager.token },
    ];
    const p95s = new Map<string, number[]>(endpoints.map((e) => [e.name, []]));
    const scans: number[] = [];
    for (let round = 0; round < size.rounds; round += 1) {
      for (const endpoint of endpoints) {
        await get(endpoint.path, endpoint.token); // warm
        const latencies: number[] = [];
        for (let i = 0; i < size.requests; i += 1)
          latencies.push(await timed(() => get(endpoint.path, endpoint.token)));
        p95s.get(endpoint.name)?.push(percentile(latencies, 95));
        log(`round ${round + 1}: ${endpoint.name} p95 ${percentile(latencies, 95).toFixed(1)} ms`);
      }
      scans.push(await timed(() => reference.summary(actor, { campaignId: generated.campaignId })));
      log(`round ${round + 1}: the summary by a full scan ${Math.round(scans[round] ?? 0)} ms`);
    }
    return endpoints.map((endpoint) => {
      const subject = p95s.get(endpoint.name) ?? [];
      const ratios = subject.map((p95, i) => p95 / (scans[i] ?? 1));
      const bankQueue = endpoint.name.includes('/cases');
      return {
        scenario: `${endpoint.name} at ${size.visits} visits, ${size.cases} cases`,
        subject: bankQueue ? 'API, index-ordered queue' : 'API, rollups',
        baseline: 'the summary by a full scan of the base tables',
        rounds: size.rounds,
        subjectRates: subject.map((ms) => Math.round(1000 / ms)),
        baselineRates: scans.map((ms) => Math.round((1000 / ms) * 1000) / 1000),
        ratios: ratios.map((r) => Math.round(r * 10_000) / 10_000),
        medianRatio: Math.round(median(ratios) * 10_000) / 10_000,
        target: bankQueue ? 'p95 < 50 ms' : 'p95 ÷ scan ≤ 0.1, p95 ≤ 200 ms (ratio here is p95 ÷ scan)',
        extra: {
          'p95 ms (median of rounds)': Math.round(median(subject) * 10) / 10,
          'scan ms (median)': Math.round(median(scans)),
        },
      };
    });
  } finally {
    await api.stop();
  }
}
