import { LEAGUE_BY, LEAGUE_INDICATORS, LEAGUE_PERIODS, ReportRollups } from '@unblock/reports';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { generateCampaign } from '../../apps/cli/src/campaign-generator';
import { TestApi } from '../support/test-api';
import { median, percentile, timed, type Comparison } from './harness';

export interface LeagueSize {
  readonly visits: number;
  readonly enterprises: number;
  readonly cases: number;
  /** Requests per table (indicator × by × period) per round. */
  readonly requests: number;
  readonly rounds: number;
}

export const LEAGUE_SIZES: Record<'tiny' | 'full', LeagueSize> = {
  tiny: { visits: 3000, enterprises: 300, cases: 400, requests: 3, rounds: 1 },
  full: { visits: 9_430_000, enterprises: 200_000, cases: 1_000_000, requests: 20, rounds: 3 },
};

/** A Wednesday of the generated half-year: its day, its ISO week and its month are each ranked. */
const ON = '2026-03-18';

/**
 * What `campaign:generate` leaves out and the league ranks: the enterprises' word on half of the claimed
 * cases (through a link of each such enterprise; four in five confirm the contact, scores 1 to 5), and the
 * signed loans' outcomes (a third first loans, a quarter credit, a quarter collateral). Written by SQL before
 * the rollups are rebuilt, so the loan-outcome rollup counts them.
 */
export async function addFeedbackAndOutcomes(dataSource: DataSource, campaignId: string): Promise<void> {
  const q = (sql: string): Promise<unknown> => dataSource.query(sql, [campaignId]);
  await q(`INSERT INTO enterprise_links (enterprise_id, token_hash, expires_at)
           SELECT DISTINCT enterprise_id, md5(enterprise_id::text) || md5('bench' || enterprise_id::text),
                  '2027-01-01T00:00:00Z'::timestamptz
             FROM cases WHERE campaign_id = $1 AND status IN ('claimed', 'approved', 'loan_signed')`);
  await q(`INSERT INTO feedback (case_id, link_id, contact_confirmed, contact_answered_at, score, rated_at)
           SELECT c.id, l.id, abs(hashtext(c.id::text)) % 5 <> 0, c.created_at + interval '2 days',
                  1 + abs(hashtext(c.id::text)) / 10 % 5, c.created_at + interval '3 days'
             FROM cases c JOIN enterprise_links l ON l.enterprise_id = c.enterprise_id
            WHERE c.campaign_id = $1 AND c.status IN ('claimed', 'approved', 'loan_signed')
              AND abs(hashtext(c.id::text)) % 2 = 0`);
  await q(`UPDATE loan_contracts l
              SET first_loan_declared = abs(hashtext(l.id::text)) % 3 = 0,
                  first_loan = abs(hashtext(l.id::text)) % 3 = 0,
                  security = (ARRAY['credit', 'collateral', NULL, NULL])[1 + abs(hashtext(l.id::text)) / 3 % 4]
             FROM cases c WHERE c.id = l.case_id AND c.campaign_id = $1`);
  for (const table of ['enterprise_links', 'feedback', 'loan_contracts']) await dataSource.query(`ANALYZE ${table}`);
}

/**
 * `GET /reports/league` at province size: `campaign:generate` writes the campaign (plus the feedback and loan
 * outcomes it leaves out), the rollups are rebuilt, then each round times `requests` GETs of every table a
 * province supervisor can ask for (nine indicators × the cities or the banks × a day, a week, a month, each
 * with the period before it) over HTTP, and once the month's visits per city from the base table `visits` (raw
 * SQL: the baseline). Ratio: the table's p95 ÷ the scan (target p95 < 200 ms).
 */
export async function leagueBenchmarks(
  size: LeagueSize,
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
    await addFeedbackAndOutcomes(api.dataSource, generated.campaignId);
    const rebuildMs = await timed(() => api.app.get(ReportRollups).rebuild(generated.campaignId));
    const [counts] = await api.dataSource.query<{ feedback: string; loans: string }[]>(
      `SELECT (SELECT count(*) FROM feedback)::text AS feedback, (SELECT count(*) FROM loan_contracts)::text AS loans`,
    );
    log(
      `generated in ${generated.seconds} s (${counts?.feedback} feedback, ${counts?.loans} loans); ` +
        `rollups rebuilt in ${Math.round(rebuildMs / 100) / 10} s`,
    );
    const [regulator] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organizations WHERE kind = 'regulator' AND region_code = '370000' LIMIT 1`,
    );
    const supervisor = await api.userToken('supervisor', {
      organizationId: regulator?.id ?? null,
      regionCode: '370000',
    });
    const get = async (path: string): Promise<void> => {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${supervisor.token}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const tables = LEAGUE_INDICATORS.flatMap((indicator) =>
      LEAGUE_BY.flatMap((by) =>
        LEAGUE_PERIODS.map((period) => ({
          name: `GET /reports/league?indicator=${indicator}&by=${by}&period=${period}`,
          path: `/api/v1/reports/league?campaignId=${generated.campaignId}&indicator=${indicator}&by=${by}&period=${period}&on=${ON}`,
        })),
      ),
    );
    // The baseline: the month's visits per city, from the base table.
    const scan = (): Promise<unknown> =>
      api.dataSource.query(
        `SELECT left(v.region_code, 4), count(*) FROM visits v
          WHERE v.campaign_id = $1 AND v.visited_on BETWEEN '2026-03-01' AND '2026-03-31' GROUP BY 1`,
        [generated.campaignId],
      );
    const p95s = new Map<string, number[]>(tables.map((t) => [t.name, []]));
    const scans: number[] = [];
    for (let round = 0; round < size.rounds; round += 1) {
      for (const table of tables) {
        await get(table.path); // warm
        const latencies: number[] = [];
        for (let i = 0; i < size.requests; i += 1) latencies.push(await timed(() => get(table.path)));
        p95s.get(table.name)?.push(percentile(latencies, 95));
        log(`round ${round + 1}: ${table.name} p95 ${percentile(latencies, 95).toFixed(1)} ms`);
      }
      await scan(); // warm
      scans.push(await timed(scan));
      log(`round ${round + 1}: the month's visits per city from the base table ${Math.round(scans[round] ?? 0)} ms`);
    }
    return tables.map((table) => {
      const subject = p95s.get(table.name) ?? [];
      const ratios = subject.map((p95, i) => p95 / (scans[i] ?? 1));
      return {
        scenario: `${table.name} at ${size.visits} visits, ${size.cases} cases`,
        subject: 'API, rollups and feedback',
        baseline: "the month's visits per city from the base table (raw SQL)",
        rounds: size.rounds,
        subjectRates: subject.map((ms) => Math.round(1000 / ms)),
        baselineRates: scans.map((ms) => Math.round((1000 / ms) * 1000) / 1000),
        ratios: ratios.map((r) => Math.round(r * 10_000) / 10_000),
        medianRatio: Math.round(median(ratios) * 10_000) / 10_000,
        target: 'p95 < 200 ms (ratio here is p95 ÷ scan)',
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
