import type { EntityManager } from 'typeorm';
import { CASE_DAY } from './report-day-figures';

/**
 * Adds the given days' visits, contracts and needs (by their diagnosis day) to each enterprise's day bitmap of
 * the campaign (`report_visit_presence`, `report_loan_presence`, `report_need_presence`: bit i is the day
 * `epoch` + i), a union, so idempotent.
 * An enterprise has a row per region and chain key it was seen under; when it has more than one (it moved),
 * its rows are marked `shared`, so distinct enterprises count it once.
 */
export async function refreshEnterprisePresence(
  manager: EntityManager,
  campaignId: string,
  days: string[],
): Promise<void> {
  const first = days[0] ?? '';
  const width = (Date.parse(days[days.length - 1] ?? first) - Date.parse(first)) / 86_400_000 + 1;
  const upsert = (table: string, select: string): Promise<unknown> =>
    manager.query(
      `INSERT INTO ${table} (campaign_id, enterprise_id, region_code, chain_key, epoch, days)
       ${select}
       ON CONFLICT (campaign_id, enterprise_id, region_code, chain_key) DO UPDATE
         SET days = report_days_union(${table}.epoch, ${table}.days, excluded.epoch, excluded.days),
             epoch = least(${table}.epoch, excluded.epoch)
       -- A day already in the bitmap (today's, refreshed again and again) writes nothing.
       WHERE report_days_union(${table}.epoch, ${table}.days, excluded.epoch, excluded.days) <> ${table}.days
          OR excluded.epoch < ${table}.epoch`,
      [campaignId, days, first, width],
    );
  // The enterprises seen under more than one key, gathered once (an InitPlan): as `IN (subquery)`, a campaign
  // whose rows the statistics have not seen yet (a new campaign's first refresh, a rebuild) was planned as a
  // nested loop that grouped the campaign again for each of its rows: 155 s for 20,000 enterprises.
  const share = (table: string): Promise<unknown> =>
    manager.query(
      `UPDATE ${table} SET shared = true WHERE campaign_id = $1 AND NOT shared AND enterprise_id = ANY (ARRAY(
         SELECT enterprise_id FROM ${table} WHERE campaign_id = $1 GROUP BY enterprise_id HAVING count(*) > 1))`,
      [campaignId],
    );
  const bit = (column: string): string => `bit_or(rpad('1', $4::int, '0')::varbit >> (${column} - $3::date))`;
  await upsert(
    'report_visit_presence',
    `SELECT v.campaign_id, v.enterprise_id, v.region_code, coalesce(e.chain_id::text, ''), $3::date, ${bit('v.visited_on')}
       FROM visits v JOIN enterprises e ON e.id = v.enterprise_id
      WHERE v.campaign_id = $1 AND v.visited_on = ANY($2::date[])
      GROUP BY v.campaign_id, v.enterprise_id, v.region_code, e.chain_id`,
  );
  await upsert(
    'report_loan_presence',
    `SELECT c.campaign_id, c.enterprise_id, c.region_code, coalesce(c.chain_id::text, ''), $3::date, ${bit('l.signed_on')}
       FROM loan_contracts l JOIN cases c ON c.id = l.case_id
      WHERE c.campaign_id = $1 AND l.signed_on = ANY($2::date[])
      GROUP BY c.campaign_id, c.enterprise_id, c.region_code, c.chain_id`,
  );
  await upsert(
    'report_need_presence',
    `SELECT c.campaign_id, c.enterprise_id, c.region_code, coalesce(c.chain_id::text, ''), $3::date, ${bit(CASE_DAY)}
       FROM cases c
      WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[])
      GROUP BY c.campaign_id, c.enterprise_id, c.region_code, c.chain_id`,
  );
  await share('report_visit_presence');
  await share('report_loan_presence');
  await share('report_need_presence');
}
