import type { AddressInfo } from 'node:net';
import { TestApi } from '../support/test-api';
import { median, percentile, timed, type Comparison } from './harness';

export interface BalancesSize {
  readonly borrowers: number;
  readonly banks: number;
  readonly months: number;
  /** Requests per endpoint per round. */
  readonly requests: number;
  readonly rounds: number;
}

export const BALANCES_SIZES: Record<'tiny' | 'full', BalancesSize> = {
  tiny: { borrowers: 600, banks: 5, months: 24, requests: 5, rounds: 1 },
  full: { borrowers: 200_000, banks: 40, months: 24, requests: 100, rounds: 3 },
};

const LAST_MONTH = '2026-06';

/**
 * A province's balances, written by SQL: Shandong (370000) with 16 cities of 8 counties, `banks` banks, 12
 * chains holding 30% of the borrowers (one in a hundred a leader), `borrowers` enterprises each borrowing from
 * 1 to 3 banks, and every balance of `months` months up to June 2026, one INSERT a month (the rollup follows by
 * its triggers, as it does for the API's and the imports' writes).
 */
async function writeProvince(api: TestApi, size: BalancesSize, log: (line: string) => void): Promise<void> {
  const q = (sql: string, params: unknown[] = []): Promise<unknown> => api.dataSource.query(sql, params);
  const reporter = await api.userToken('admin');
  await q(`INSERT INTO regions (code, name, parent_code) VALUES ('370000', '山东省', NULL) ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO regions (code, name, parent_code)
           SELECT '37' || lpad(c::text, 2, '0') || '00', '城市' || c, '370000' FROM generate_series(1, 16) c
           ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO regions (code, name, parent_code)
           SELECT '37' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0'), '城市' || c || '区县' || k,
                  '37' || lpad(c::text, 2, '0') || '00'
             FROM generate_series(1, 16) c CROSS JOIN generate_series(1, 8) k ON CONFLICT DO NOTHING`);
  await q(
    `INSERT INTO organizations (kind, name, region_code)
           SELECT 'bank', '基准银行' || lpad(b::text, 2, '0'), '370000' FROM generate_series(1, $1::int) b`,
    [size.banks],
  );
  await q(`CREATE TABLE bench_banks AS
           SELECT (row_number() OVER (ORDER BY name) - 1)::int AS n, id FROM organizations WHERE name LIKE '基准银行%'`);
  await q(
    `INSERT INTO industrial_chains (name, region_code, lead_bank_id, deputy_bank_id)
           SELECT '基准产业链' || lpad(c::text, 2, '0'), '37' || lpad(c::text, 2, '0') || '00',
                  (SELECT id FROM bench_banks WHERE n = c % $1), (SELECT id FROM bench_banks WHERE n = (c + 1) % $1)
             FROM generate_series(1, 12) c`,
    [size.banks],
  );
  await q(`CREATE TABLE bench_chains AS
           SELECT (row_number() OVER (ORDER BY name) - 1)::int AS n, id FROM industrial_chains WHERE name LIKE '基准产业链%'`);
  await q(
    `INSERT INTO enterprises (uscc, name, region_code, chain_id, chain_role, size, tags)
     SELECT 'BENCH' || lpad(i::text, 13, '0'), '基准企业' || i,
            '37' || lpad((i % 16 + 1)::text, 2, '0') || lpad((i / 16 % 8 + 1)::text, 2, '0'),
            CASE WHEN i % 10 < 3 THEN (SELECT id FROM bench_chains WHERE n = i % 12) END,
            CASE WHEN i % 10 >= 3 THEN NULL WHEN i % 100 = 0 THEN 'leader'
                 ELSE (ARRAY['upstream', 'downstream', 'member'])[i % 3 + 1] END,
            (ARRAY['micro', 'small', 'medium', 'large'])[i % 4 + 1],
            (CASE i % 7 WHEN 1 THEN '{high_tech}' WHEN 2 THEN '{clean_energy}' WHEN 3 THEN '{specialized_sme}'
                         WHEN 4 THEN '{high_tech,specialized_sme}' WHEN 6 THEN '{foreign_trade}' ELSE '{}' END)::text[]
       FROM generate_series(0, $1::int - 1) i`,
    [size.borrowers],
  );
  await q(`CREATE TABLE bench_borrowers AS
           SELECT substring(uscc FROM 6)::int AS i, id FROM enterprises WHERE uscc LIKE 'BENCH%'`);
  for (let m = 0; m < size.months; m += 1) {
    const started = performance.now();
    await q(
      `INSERT INTO loan_balances (bank_id, enterprise_id, month, balance, medium_long_balance, revision,
                                  reported_by_user_id, reported_at)
       SELECT b.id, e.id, ($1::date - make_interval(months => $2::int))::date,
              round((1000000 + (e.i * 37 % 1000) * 10000) * (1 + (23 - $2) * 0.01), 2),
              round((1000000 + (e.i * 37 % 1000) * 10000) * (1 + (23 - $2) * 0.01) * 0.4, 2),
              1, $3, now()
         FROM bench_borrowers e CROSS JOIN generate_series(0, e.i % 3) k
         JOIN bench_banks b ON b.n = (e.i * 7 + k * 13) % $4`,
      [`${LAST_MONTH}-01`, m, reporter.userId, size.banks],
    );
    log(`balances of month -${m} written in ${Math.round(performance.now() - started)} ms`);
  }
  await q('ANALYZE loan_balances');
  await q('ANALYZE report_balance_months');
  await q('ANALYZE enterprises');
}

/**
 * `GET /reports/balances` at province size: each round times `requests` GETs per breakdown over HTTP (a
 * supervisor of the province; a city; a bank manager; with the 24-month series), and once the same figures
 * by banks straight from the base tables (`loan_balances` ⋈ `enterprises`, raw SQL: the baseline). Ratio: the
 * report's p95 ÷ the scan (target p95 < 200 ms).
 */
export async function balancesBenchmarks(
  size: BalancesSize,
  log: (line: string) => void = () => undefined,
): Promise<Comparison[]> {
  const api = await TestApi.start({ DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'silent' });
  try {
    await api.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    log(`writing ${size.borrowers} borrowers × ${size.banks} banks × ${size.months} months`);
    const writeMs = await timed(() => writeProvince(api, size, log));
    const [counts] = await api.dataSource.query<{ balances: string; rollup: string }[]>(
      `SELECT (SELECT count(*) FROM loan_balances)::text AS balances,
              (SELECT count(*) FROM report_balance_months)::text AS rollup`,
    );
    log(`written in ${Math.round(writeMs / 1000)} s: ${counts?.balances} balances, ${counts?.rollup} rollup rows`);
    const [regulator] = await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO organizations (kind, name, region_code) VALUES ('regulator', '基准监管', '370000') RETURNING id`,
    );
    const [bank] = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM bench_banks WHERE n = 0`);
    const supervisor = await api.userToken('supervisor', {
      organizationId: regulator?.id ?? null,
      regionCode: '370000',
    });
    const manager = await api.userToken('bank_manager', { organizationId: bank?.id ?? null, regionCode: '370000' });
    const get = async (path: string, token: string): Promise<void> => {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const report = (query: string): string => `/api/v1/reports/balances?asOf=${LAST_MONTH}&${query}`;
    const endpoints = [
      ...(['chain', 'chainRole', 'region', 'bank', 'tag', 'size', 'term'] as const).map((groupBy) => ({
        name: `GET /reports/balances?groupBy=${groupBy}`,
        path: report(`groupBy=${groupBy}`),
        token: supervisor.token,
      })),
      {
        name: 'GET /reports/balances, a city by bank',
        path: report('groupBy=bank&regionCode=370100'),
        token: supervisor.token,
      },
      {
        name: 'GET /reports/balances, with the series',
        path: report('groupBy=region&series=true'),
        token: supervisor.token,
      },
      { name: "bank manager's GET /reports/balances", path: report('groupBy=region'), token: manager.token },
    ];
    // The baseline: the month's, the December's and the year-ago balances per bank, from the base tables.
    const scan = (): Promise<unknown> =>
      api.dataSource.query(
        `SELECT b.bank_id, sum(b.balance) FILTER (WHERE b.month = $1) AS balance,
                sum(b.medium_long_balance) FILTER (WHERE b.month = $1) AS medium_long,
                sum(b.balance) FILTER (WHERE b.month = $2) AS start_of_year,
                sum(b.balance) FILTER (WHERE b.month = $3) AS year_ago
           FROM loan_balances b JOIN enterprises e ON e.id = b.enterprise_id
          WHERE b.month IN ($1, $2, $3) AND e.region_code BETWEEN '370000' AND '379999'
          GROUP BY b.bank_id`,
        ['2026-06-01', '2025-12-01', '2025-06-01'],
      );
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
      await scan(); // warm
      scans.push(await timed(scan));
      log(`round ${round + 1}: the balances by bank from the base tables ${Math.round(scans[round] ?? 0)} ms`);
    }
    return endpoints.map((endpoint) => {
      const subject = p95s.get(endpoint.name) ?? [];
      const ratios = subject.map((p95, i) => p95 / (scans[i] ?? 1));
      return {
        scenario: `${endpoint.name} at ${size.borrowers} borrowers × ${size.banks} banks × ${size.months} months`,
        subject: 'API, balance rollup',
        baseline: 'the balances by bank from the base tables (raw SQL)',
        rounds: size.rounds,
        subjectRates: subject.map((ms) => Math.round(1000 / ms)),
        baselineRates: scans.map((ms) => Math.round((1000 / ms) * 1000) / 1000),
        ratios: ratios.map((r) => Math.round(r * 10_000) / 10_000),
        medianRatio: Math.round(median(ratios) * 10_000) / 10_000,
        target: 'p95 < 200 ms (ratio here is p95 ÷ scan)',
        extra: {
          'p95 ms (median of rounds)': Math.round(median(subject) * 10) / 10,
          'scan ms (median)': Math.round(median(scans)),
          balances: Number(counts?.balances ?? 0),
          'rollup rows': Number(counts?.rollup ?? 0),
        },
      };
    });
  } finally {
    await api.stop();
  }
}
