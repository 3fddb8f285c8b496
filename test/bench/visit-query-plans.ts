import { CLIENT_REFS_TAKEN, RECENT_VISIT_DAYS } from '@unblock/database';
import type { DataSource } from 'typeorm';

/** A query the product runs on visits, with parameters of the scale bench's data. */
interface VisitQuery {
  readonly name: string;
  readonly text: string;
  readonly values: unknown[];
}

export interface VisitPlan {
  readonly name: string;
  /** Milliseconds, as EXPLAIN ANALYZE measured them (median of three). */
  readonly ms: number;
  /** The plan's nodes, one per line, without costs. */
  readonly plan: string;
}

/**
 * The product's queries on visits (the statements of POST /visits, GET /visits, the import, the rollup
 * refresh, the cases' "diagnosed by me" filter and a bank's narrowed report), each planned and run by
 * EXPLAIN ANALYZE on the scale bench's database.
 */
export async function visitQueryPlans(dataSource: DataSource, campaignId: string): Promise<VisitPlan[]> {
  const [sample] = await dataSource.query<
    { id: string; enterprise_id: string; visited_on: string; visitor_user_id: string; org: string }[]
  >(
    `SELECT id, enterprise_id, visited_on::text, visitor_user_id, visitor_organization_id AS org
       FROM visits WHERE campaign_id = $1 AND visited_on = '2026-03-15' LIMIT 1`,
    [campaignId],
  );
  if (sample === undefined) return [];
  const refs = Array.from({ length: 100 }, (_, i) => `probe-${i}`);
  const queries: VisitQuery[] = [
    {
      name: 'POST /visits: recent visit of the enterprise',
      text: `SELECT EXISTS (SELECT 1 FROM visits v WHERE v.enterprise_id = $1 AND v.id <> $2
               AND v.visited_on BETWEEN (CAST($3 AS date) - ${RECENT_VISIT_DAYS}) AND CAST($3 AS date))`,
      values: [sample.enterprise_id, sample.id, sample.visited_on],
    },
    {
      name: 'POST /visits: the clientRef on any day',
      text: `SELECT EXISTS (SELECT 1 FROM visits r WHERE r.visitor_user_id = $1 AND r.client_ref = $2)`,
      values: [sample.visitor_user_id, 'probe'],
    },
    { name: 'GET /visits/:id', text: `SELECT * FROM visits v WHERE v.id = $1`, values: [sample.id] },
    {
      name: "GET /visits, a county officer's first page",
      text: `SELECT * FROM visits v WHERE v.region_code BETWEEN '370101' AND '370101'
              ORDER BY v.created_at DESC, v.id DESC LIMIT 51`,
      values: [],
    },
    {
      name: "GET /visits, a bank manager's first page",
      text: `SELECT * FROM visits v WHERE v.visitor_organization_id = $1 ORDER BY v.created_at DESC, v.id DESC LIMIT 51`,
      values: [sample.org],
    },
    { name: 'import: 100 clientRefs taken', text: CLIENT_REFS_TAKEN, values: [sample.visitor_user_id, refs] },
    {
      name: "rollup refresh: a day's visits by region, chain and bank",
      text: `SELECT v.region_code, e.chain_id, v.visitor_organization_id, count(*) FROM visits v
               JOIN enterprises e ON e.id = v.enterprise_id
              WHERE v.campaign_id = $1 AND v.visited_on = ANY($2::date[])
              GROUP BY GROUPING SETS ((v.region_code), (e.chain_id), (v.visitor_organization_id))`,
      values: [campaignId, ['2026-03-15']],
    },
    {
      name: "a bank's report within a city (base tables)",
      text: `SELECT count(*), count(DISTINCT v.enterprise_id) FROM visits v
              WHERE v.campaign_id = $1 AND v.region_code BETWEEN '370100' AND '370199'
                AND v.visitor_organization_id = $2`,
      values: [campaignId, sample.org],
    },
    {
      name: 'GET /cases?diagnosedBy=me',
      text: `SELECT c.id FROM cases c WHERE c.origin_visit_id = ANY (ARRAY(SELECT v.id FROM visits v WHERE v.visitor_user_id = $1))
              ORDER BY c.created_at, c.id LIMIT 51`,
      values: [sample.visitor_user_id],
    },
  ];
  const plans: VisitPlan[] = [];
  for (const q of queries) {
    const runs: { ms: number; plan: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const rows = await dataSource.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${q.text}`,
        q.values,
      );
      const lines = rows.map((r) => r['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+) ms/u.exec(lines.join('\n'))?.[1] ?? 0);
      runs.push({ ms, plan: lines.filter((l) => !/Time:/u.test(l)).join('\n') });
    }
    runs.sort((a, b) => a.ms - b.ms);
    const middle = runs[1] ?? runs[0];
    plans.push({ name: q.name, ms: middle?.ms ?? 0, plan: middle?.plan ?? '' });
  }
  return plans;
}
