import type { EntityManager } from 'typeorm';
import { SUMMED } from './report-day-figures';

/**
 * The campaign's chain, region and total rows over all its days ('C', 'R', 'T'), the chain and total rows with
 * their distinct enterprises: what a dashboard without dates reads, one row per chain (region) and one in
 * total instead of one per chain (region) and day.
 */
export async function refreshAllDaysFigures(manager: EntityManager, campaignId: string): Promise<void> {
  await manager.query(`DELETE FROM report_day_figures WHERE campaign_id = $1 AND kind IN ('C', 'R', 'T')`, [
    campaignId,
  ]);
  // The region rows carry the declines only of the histograms (what a breakdown by region shows).
  const histogram = (column: string, source: string): string =>
    `SELECT f.kind, f.key, '${source}' AS source, j.key AS value, sum(j.value::int) AS n
       FROM report_day_figures f, jsonb_each_text(f.${column}) j
      WHERE f.campaign_id = $1 AND f.kind IN (${column === 'declines' ? `'c', 'r', 't'` : `'c', 't'`})
        AND f.${column} <> '{}'
      GROUP BY f.kind, f.key, j.key`;
  const distinct = (table: string, key: string): string =>
    `SELECT ${key} AS key, count(*) FILTER (WHERE NOT shared) + count(DISTINCT enterprise_id) FILTER (WHERE shared) AS n
       FROM ${table} WHERE campaign_id = $1 ${key === 'chain_key' ? 'GROUP BY chain_key' : ''}`;
  // The histograms and the distinct enterprises are each computed once (MATERIALIZED): inlined, a campaign the
  // statistics had not seen yet was planned as nested loops that recomputed them for each of its rows (8–11 s
  // at the scale bench's 3 M visits, against 0.3–0.6 s at 1 M).
  await manager.query(
    `WITH sums AS (
       SELECT kind, key, ${SUMMED.map((c) => `sum(${c}) AS ${c}`).join(', ')}
         FROM report_day_figures WHERE campaign_id = $1 AND kind IN ('c', 'r', 't') GROUP BY kind, key),
     hist AS (${histogram('bottlenecks', 'b')} UNION ALL ${histogram('claim_days', 'c')}
              UNION ALL ${histogram('signing_days', 's')} UNION ALL ${histogram('declines', 'd')}),
     merged AS MATERIALIZED (
       SELECT kind, key, jsonb_object_agg(value, n) FILTER (WHERE source = 'b') AS bottlenecks,
              jsonb_object_agg(value, n) FILTER (WHERE source = 'c') AS claim_days,
              jsonb_object_agg(value, n) FILTER (WHERE source = 's') AS signing_days,
              jsonb_object_agg(value, n) FILTER (WHERE source = 'd') AS declines
         FROM hist GROUP BY kind, key),
     visited AS MATERIALIZED (${distinct('report_visit_presence', 'chain_key')} UNION ALL
                 SELECT '(total)', n FROM (${distinct('report_visit_presence', "''")}) t),
     financed AS MATERIALIZED (${distinct('report_loan_presence', 'chain_key')} UNION ALL
                  SELECT '(total)', n FROM (${distinct('report_loan_presence', "''")}) t),
     needed AS MATERIALIZED (${distinct('report_need_presence', 'chain_key')} UNION ALL
                SELECT '(total)', n FROM (${distinct('report_need_presence', "''")}) t)
     INSERT INTO report_day_figures (campaign_id, day, kind, key, ${SUMMED.join(', ')}, bottlenecks, claim_days,
                                     signing_days, declines, enterprises_visited, enterprises_financed, enterprises_with_need)
     SELECT $1, '-infinity'::date, upper(s.kind), s.key, ${SUMMED.map((c) => `s.${c}`).join(', ')},
            coalesce(m.bottlenecks, '{}'), coalesce(m.claim_days, '{}'), coalesce(m.signing_days, '{}'),
            coalesce(m.declines, '{}'), coalesce(v.n, 0), coalesce(l.n, 0), coalesce(n.n, 0)
       FROM sums s
       LEFT JOIN merged m ON m.kind = s.kind AND m.key = s.key
       LEFT JOIN visited v ON v.key = CASE s.kind WHEN 't' THEN '(total)' WHEN 'c' THEN s.key END
       LEFT JOIN financed l ON l.key = CASE s.kind WHEN 't' THEN '(total)' WHEN 'c' THEN s.key END
       LEFT JOIN needed n ON n.key = CASE s.kind WHEN 't' THEN '(total)' WHEN 'c' THEN s.key END`,
    [campaignId],
  );
}
