import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BOTTLENECKS, Clock, businessDaysBetween, fromFen, toFen, type BusinessCalendar } from '@unblock/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { reportCalendar } from './figures';
import { refreshPresenceSets } from './presence-sets';

/** The advisory lock that keeps the refresh to one process at a time. */
export const REPORTS_REFRESH_LOCK = 7260002;

/** Days recomputed per round of statements: a day is ~50k visits and ~5k cases at province scale. */
const DAYS_PER_CHUNK = 8;

const CASE_DAY = `(c.created_at AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * By region, by chain, by bank, and the day's total (key ''); 'C' and 'T' are the chain and total rows
 * summed over the whole campaign (day -infinity), with its distinct enterprises.
 */
type Kind = 'r' | 'c' | 'b' | 't';

/** The additive columns of report_day_figures, summed into the all-days rows. */
const SUMMED = [
  'visits',
  'n_diagnosed',
  'n_assigned',
  'n_claimed',
  'n_approved',
  'n_loan_signed',
  'n_closed',
  'intention_amount',
  'claims_met',
  'claims_missed',
  'signed_amount',
  'signed_count',
  'long_term_amount',
  'leader_amount',
];

/** One rollup row in the making: a campaign's day, by one dimension. */
interface DayRow {
  campaign_id: string;
  day: string;
  kind: Kind;
  key: string;
  visits: number;
  n_diagnosed: number;
  n_assigned: number;
  n_claimed: number;
  n_approved: number;
  n_loan_signed: number;
  n_closed: number;
  intention_amount: string;
  bottlenecks: Record<string, number>;
  claims_met: number;
  claims_missed: number;
  claim_days: Record<string, number>;
  signed_amount: string;
  signed_count: number;
  long_term_amount: string;
  leader_amount: string;
  signing_days: Record<string, number>;
  bank_claims: number;
  bank_claims_on_time: number;
  bank_declines: number;
  bank_escalations: number;
  enterprises_visited: number;
  enterprises_financed: number;
}

export interface RefreshResult {
  /** Campaign days recomputed. */
  readonly days: number;
}

/** Adds decimal strings exactly, in integer fen. */
function addMoney(a: string, b: string | null): string {
  return b === null ? a : fromFen(toFen(a) + toFen(b));
}

/**
 * Keeps the report rollups (`report_day_figures`, `report_visit_presence`, `report_loan_presence`) up to date.
 * Triggers mark a campaign's day stale in the same transaction that changes its visits, cases, contracts or
 * escalations; `refresh` recomputes the stale days from the base tables in one REPEATABLE READ transaction
 * and clears exactly the marks its snapshot saw, so a mark committed meanwhile stays for the next round.
 * Recomputing a day is idempotent; so is adding its days to the presence bitmaps (a union).
 *
 * Claims missed depend on the time: a day is also stale when one of its open claim deadlines passed since
 * the last refresh, so every day's figures hold as of the last refresh.
 */
@Injectable()
export class ReportRollups {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Recomputes the stale days. Answers null when another process is refreshing, or when more than
   * `maxDays` days are stale (a caller that must stay quick leaves those to the worker).
   */
  async refresh(options: { maxDays?: number; maxVisits?: number } = {}): Promise<RefreshResult | null> {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction('REPEATABLE READ');
      const manager = queryRunner.manager;
      const [lock] = await manager.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        REPORTS_REFRESH_LOCK,
      ]);
      if (lock?.locked !== true) {
        await queryRunner.rollbackTransaction();
        return null;
      }
      const now = this.clock.now();
      // Days with a claim deadline that passed since the last refresh: their missed claims changed.
      await manager.query(
        `INSERT INTO report_dirty_days (campaign_id, day)
         SELECT DISTINCT c.campaign_id, ${CASE_DAY} FROM case_obligations o JOIN cases c ON c.id = o.case_id
          WHERE o.met_at IS NULL AND o.cancelled_at IS NULL AND o.obligation = 'claim'
            AND o.due_at > (SELECT refreshed_at FROM report_refresh_state WHERE id = 1) AND o.due_at <= $1`,
        [now],
      );
      const stale = await manager.query<{ campaign_id: string; day: string }[]>(
        'SELECT DISTINCT campaign_id, day::text AS day FROM report_dirty_days',
      );
      const tooMany =
        (options.maxDays !== undefined && stale.length > options.maxDays) ||
        (options.maxVisits !== undefined &&
          stale.length > 0 &&
          (await this.visitsOf(manager, stale)) > options.maxVisits);
      if (tooMany) {
        await queryRunner.rollbackTransaction();
        return null;
      }
      await manager.query('DELETE FROM report_dirty_days');
      await this.recompute(manager, stale, now);
      // The time of this refresh, as its process tells it: the next refresh looks at the deadlines since.
      await manager.query('UPDATE report_refresh_state SET refreshed_at = $1 WHERE id = 1', [now]);
      await queryRunner.commitTransaction();
      return { days: stale.length };
    } catch (error: unknown) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  /** How many visits the stale days hold: what recomputing them costs, roughly. */
  private async visitsOf(manager: EntityManager, stale: { campaign_id: string; day: string }[]): Promise<number> {
    const [row] = await manager.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM visits v
        JOIN unnest($1::uuid[], $2::date[]) AS d(campaign_id, day) ON v.campaign_id = d.campaign_id AND v.visited_on = d.day`,
      [stale.map((s) => s.campaign_id), stale.map((s) => s.day)],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Rebuilds the rollups of one campaign, or of all, from the base tables (after a bulk load that bypassed
   * the triggers, or to be sure).
   */
  async rebuild(campaignId?: string): Promise<RefreshResult> {
    const only = (column: string): string => (campaignId === undefined ? 'TRUE' : `${column} = $1`);
    const params = campaignId === undefined ? [] : [campaignId];
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO report_dirty_days (campaign_id, day)
         SELECT DISTINCT campaign_id, visited_on FROM visits WHERE ${only('campaign_id')}
         UNION SELECT DISTINCT c.campaign_id, ${CASE_DAY} FROM cases c WHERE ${only('c.campaign_id')}
         UNION SELECT DISTINCT c.campaign_id, l.signed_on FROM loan_contracts l JOIN cases c ON c.id = l.case_id
                WHERE ${only('c.campaign_id')}`,
        params,
      );
      for (const table of [
        'report_visit_presence',
        'report_loan_presence',
        'report_day_figures',
        'report_presence_sets',
      ]) {
        await manager.query(`DELETE FROM ${table} WHERE ${only('campaign_id')}`, params);
      }
    });
    for (;;) {
      const result = await this.refresh();
      if (result !== null) return result;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async recompute(
    manager: EntityManager,
    stale: { campaign_id: string; day: string }[],
    now: Date,
  ): Promise<void> {
    if (stale.length === 0) return;
    const calendar = await reportCalendar(manager);
    const byCampaign = new Map<string, string[]>();
    for (const { campaign_id, day } of stale)
      byCampaign.set(campaign_id, [...(byCampaign.get(campaign_id) ?? []), day]);
    for (const [campaignId, days] of byCampaign) {
      days.sort();
      await this.presence(manager, campaignId, days);
      for (let i = 0; i < days.length; i += DAYS_PER_CHUNK) {
        await this.days(manager, campaignId, days.slice(i, i + DAYS_PER_CHUNK), now, calendar);
      }
      await refreshPresenceSets(manager, campaignId, days);
      await this.allDays(manager, campaignId);
    }
  }

  /**
   * The campaign's chain and total rows over all its days ('C', 'T'), with its distinct enterprises: what a
   * dashboard without dates reads, 61 rows instead of 11,000.
   */
  private async allDays(manager: EntityManager, campaignId: string): Promise<void> {
    await manager.query(`DELETE FROM report_day_figures WHERE campaign_id = $1 AND kind IN ('C', 'T')`, [campaignId]);
    const histogram = (column: string, source: string): string =>
      `SELECT f.kind, f.key, '${source}' AS source, j.key AS value, sum(j.value::int) AS n
         FROM report_day_figures f, jsonb_each_text(f.${column}) j
        WHERE f.campaign_id = $1 AND f.kind IN ('c', 't') GROUP BY f.kind, f.key, j.key`;
    const distinct = (table: string, key: string): string =>
      `SELECT ${key} AS key, count(*) FILTER (WHERE NOT shared) + count(DISTINCT enterprise_id) FILTER (WHERE shared) AS n
         FROM ${table} WHERE campaign_id = $1 ${key === 'chain_key' ? 'GROUP BY chain_key' : ''}`;
    await manager.query(
      `WITH sums AS (
         SELECT kind, key, ${SUMMED.map((c) => `sum(${c}) AS ${c}`).join(', ')}
           FROM report_day_figures WHERE campaign_id = $1 AND kind IN ('c', 't') GROUP BY kind, key),
       hist AS (${histogram('bottlenecks', 'b')} UNION ALL ${histogram('claim_days', 'c')}
                UNION ALL ${histogram('signing_days', 's')}),
       merged AS (
         SELECT kind, key, jsonb_object_agg(value, n) FILTER (WHERE source = 'b') AS bottlenecks,
                jsonb_object_agg(value, n) FILTER (WHERE source = 'c') AS claim_days,
                jsonb_object_agg(value, n) FILTER (WHERE source = 's') AS signing_days
           FROM hist GROUP BY kind, key),
       visited AS (${distinct('report_visit_presence', 'chain_key')} UNION ALL
                   SELECT '(total)', n FROM (${distinct('report_visit_presence', "''")}) t),
       financed AS (${distinct('report_loan_presence', 'chain_key')} UNION ALL
                    SELECT '(total)', n FROM (${distinct('report_loan_presence', "''")}) t)
       INSERT INTO report_day_figures (campaign_id, day, kind, key, ${SUMMED.join(', ')}, bottlenecks, claim_days,
                                       signing_days, enterprises_visited, enterprises_financed)
       SELECT $1, '-infinity'::date, upper(s.kind), s.key, ${SUMMED.map((c) => `s.${c}`).join(', ')},
              coalesce(m.bottlenecks, '{}'), coalesce(m.claim_days, '{}'), coalesce(m.signing_days, '{}'),
              coalesce(v.n, 0), coalesce(l.n, 0)
         FROM sums s
         LEFT JOIN merged m ON m.kind = s.kind AND m.key = s.key
         LEFT JOIN visited v ON v.key = CASE WHEN s.kind = 't' THEN '(total)' ELSE s.key END
         LEFT JOIN financed l ON l.key = CASE WHEN s.kind = 't' THEN '(total)' ELSE s.key END`,
      [campaignId],
    );
  }

  /** Adds the given days' visits and contracts to each enterprise's day bitmap (a union: idempotent). */
  private async presence(manager: EntityManager, campaignId: string, days: string[]): Promise<void> {
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
    const share = (table: string): Promise<unknown> =>
      manager.query(
        `UPDATE ${table} SET shared = true WHERE campaign_id = $1 AND NOT shared AND enterprise_id IN (
           SELECT enterprise_id FROM ${table} WHERE campaign_id = $1 GROUP BY enterprise_id HAVING count(*) > 1)`,
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
    await share('report_visit_presence');
    await share('report_loan_presence');
  }

  /** Recomputes the rollup rows of some days of one campaign from the base tables. */
  private async days(
    manager: EntityManager,
    campaignId: string,
    days: string[],
    now: Date,
    calendar: BusinessCalendar,
  ): Promise<void> {
    const rows = new Map<string, DayRow>();
    const row = (day: string, kind: Kind, key: string | null): DayRow => {
      const id = `${day}|${kind}|${key ?? ''}`;
      let found = rows.get(id);
      if (found === undefined) {
        found = {
          campaign_id: campaignId,
          day,
          kind,
          key: key ?? '',
          visits: 0,
          n_diagnosed: 0,
          n_assigned: 0,
          n_claimed: 0,
          n_approved: 0,
          n_loan_signed: 0,
          n_closed: 0,
          intention_amount: '0.00',
          bottlenecks: {},
          claims_met: 0,
          claims_missed: 0,
          claim_days: {},
          signed_amount: '0.00',
          signed_count: 0,
          long_term_amount: '0.00',
          leader_amount: '0.00',
          signing_days: {},
          bank_claims: 0,
          bank_claims_on_time: 0,
          bank_declines: 0,
          bank_escalations: 0,
          enterprises_visited: 0,
          enterprises_financed: 0,
        };
        rows.set(id, found);
      }
      return found;
    };
    const count = (map: Record<string, number>, key: string, n = 1): void => {
      map[key] = (map[key] ?? 0) + n;
    };
    const params = [campaignId, days];

    const visits = await manager.query<
      { day: string; region: string | null; chain: string | null; org: string | null; grouping: number; n: number }[]
    >(
      `SELECT v.visited_on::text AS day, v.region_code AS region, e.chain_id::text AS chain,
              v.visitor_organization_id::text AS org, GROUPING(v.region_code, e.chain_id) AS grouping, count(*)::int AS n
         FROM visits v JOIN enterprises e ON e.id = v.enterprise_id
        WHERE v.campaign_id = $1 AND v.visited_on = ANY($2::date[])
        GROUP BY GROUPING SETS ((v.visited_on, v.region_code), (v.visited_on, e.chain_id), (v.visited_on, v.visitor_organization_id))`,
      params,
    );
    for (const v of visits) {
      // GROUPING is a bit mask, 1 where a column is not grouped: region alone → 01, chain alone → 10, bank → 11.
      const target =
        v.grouping === 1
          ? row(v.day, 'r', v.region)
          : v.grouping === 2
            ? row(v.day, 'c', v.chain)
            : row(v.day, 'b', v.org);
      target.visits += v.n;
      if (v.grouping === 1) row(v.day, 't', '').visits += v.n;
    }

    const cases = await manager.query<
      {
        day: string;
        region: string;
        chain: string | null;
        bank: string | null;
        status: string;
        intention: string | null;
        bottlenecks: string[];
        assigned_at: Date | null;
        claimed_at: Date | null;
        met: number;
        missed: number;
      }[]
    >(
      `SELECT ${CASE_DAY}::text AS day, c.region_code AS region, c.chain_id::text AS chain,
              c.assigned_bank_id::text AS bank, c.status, c.intention_amount::text AS intention, c.bottlenecks,
              o.assigned_at, ev.claimed_at, coalesce(o.met, 0)::int AS met, coalesce(o.missed, 0)::int AS missed
         FROM cases c
         LEFT JOIN LATERAL (
           SELECT min(o.opened_at) AS assigned_at,
                  count(*) FILTER (WHERE o.met_at <= o.due_at) AS met,
                  count(*) FILTER (WHERE o.met_at > o.due_at OR (o.met_at IS NULL AND
                    (o.cancelled_at > o.due_at OR (o.cancelled_at IS NULL AND o.due_at < $3)))) AS missed
             FROM case_obligations o WHERE o.case_id = c.id AND o.obligation = 'claim') o ON TRUE
         LEFT JOIN LATERAL (
           SELECT min(e.at) AS claimed_at FROM case_events e WHERE e.case_id = c.id AND e.type = 'claimed') ev ON TRUE
        WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[])`,
      [...params, now],
    );
    for (const c of cases) {
      const toClaim =
        c.claimed_at !== null && c.assigned_at !== null
          ? String(businessDaysBetween(c.assigned_at, c.claimed_at, calendar))
          : null;
      for (const target of [
        row(c.day, 'r', c.region),
        row(c.day, 'c', c.chain),
        row(c.day, 'b', c.bank),
        row(c.day, 't', ''),
      ]) {
        const status = `n_${c.status}` as keyof DayRow;
        (target[status] as number) += 1;
        target.intention_amount = addMoney(target.intention_amount, c.intention);
        for (const b of c.bottlenecks) if ((BOTTLENECKS as readonly string[]).includes(b)) count(target.bottlenecks, b);
        target.claims_met += c.met;
        target.claims_missed += c.missed;
        if (toClaim !== null) count(target.claim_days, toClaim);
      }
    }

    // Per bank: claims (by the claiming bank), declines (by the declining bank), escalations (at the bank).
    const bankFigures = await manager.query<
      { day: string; bank: string; claims: number; on_time: number; declines: number; escalations: number }[]
    >(
      `SELECT day, bank, sum(claims)::int AS claims, sum(on_time)::int AS on_time, sum(declines)::int AS declines,
              sum(escalations)::int AS escalations
         FROM (
           SELECT ${CASE_DAY}::text AS day, e.data->>'bankId' AS bank, 1 AS claims,
                  (EXISTS (SELECT 1 FROM case_obligations o WHERE o.case_id = e.case_id AND o.obligation = 'claim'
                             AND o.met_at = e.at AND o.met_at <= o.due_at))::int AS on_time, 0 AS declines, 0 AS escalations
             FROM case_events e JOIN cases c ON c.id = e.case_id
            WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[]) AND e.type = 'claimed'
           UNION ALL
           SELECT ${CASE_DAY}::text, e.data->>'byOrganizationId', 0, 0, 1, 0
             FROM case_events e JOIN cases c ON c.id = e.case_id
            WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[]) AND e.type = 'declined'
           UNION ALL
           SELECT ${CASE_DAY}::text, x.bank_id::text, 0, 0, 0, 1
             FROM escalations x JOIN cases c ON c.id = x.case_id
            WHERE c.campaign_id = $1 AND ${CASE_DAY} = ANY($2::date[]) AND x.bank_id IS NOT NULL
         ) f
        WHERE bank IS NOT NULL
        GROUP BY day, bank`,
      params,
    );
    for (const f of bankFigures) {
      const target = row(f.day, 'b', f.bank);
      target.bank_claims += f.claims;
      target.bank_claims_on_time += f.on_time;
      target.bank_declines += f.declines;
      target.bank_escalations += f.escalations;
    }

    const loans = await manager.query<
      {
        day: string;
        region: string | null;
        chain: string | null;
        bank: string | null;
        grouping: number;
        total: string;
        n: number;
        long_term: string | null;
        leaders: string | null;
      }[]
    >(
      `SELECT l.signed_on::text AS day, c.region_code AS region, c.chain_id::text AS chain, l.bank_id::text AS bank,
              GROUPING(c.region_code, c.chain_id) AS grouping, sum(l.amount)::text AS total, count(*)::int AS n,
              sum(l.amount) FILTER (WHERE c.term = 'medium_long')::text AS long_term,
              sum(l.amount) FILTER (WHERE e.chain_role = 'leader')::text AS leaders
         FROM loan_contracts l JOIN cases c ON c.id = l.case_id JOIN enterprises e ON e.id = c.enterprise_id
        WHERE c.campaign_id = $1 AND l.signed_on = ANY($2::date[])
        GROUP BY GROUPING SETS ((l.signed_on, c.region_code), (l.signed_on, c.chain_id), (l.signed_on, l.bank_id))`,
      params,
    );
    for (const l of loans) {
      const targets =
        l.grouping === 1
          ? [row(l.day, 'r', l.region), row(l.day, 't', '')]
          : l.grouping === 2
            ? [row(l.day, 'c', l.chain)]
            : [row(l.day, 'b', l.bank)];
      for (const target of targets) {
        target.signed_amount = addMoney(target.signed_amount, l.total);
        target.signed_count += l.n;
        target.long_term_amount = addMoney(target.long_term_amount, l.long_term);
        target.leader_amount = addMoney(target.leader_amount, l.leaders);
      }
    }

    // Business days from diagnosis to the first contract, counted on that contract's day: per case for the
    // region and chain rollups, per case and bank for the bank rollup.
    const signings = await manager.query<
      { region: string; chain: string | null; bank: string | null; created_at: Date; first: string }[]
    >(
      `SELECT c.region_code AS region, c.chain_id::text AS chain, s.bank::text AS bank, c.created_at, s.first::text AS first
         FROM (
           SELECT l.case_id, NULL::uuid AS bank, min(l.signed_on) AS first FROM loan_contracts l
            WHERE l.case_id IN (SELECT case_id FROM loan_contracts WHERE signed_on = ANY($2::date[]))
            GROUP BY l.case_id
           UNION ALL
           SELECT l.case_id, l.bank_id, min(l.signed_on) FROM loan_contracts l
            WHERE l.case_id IN (SELECT case_id FROM loan_contracts WHERE signed_on = ANY($2::date[]))
            GROUP BY l.case_id, l.bank_id
         ) s JOIN cases c ON c.id = s.case_id
        WHERE c.campaign_id = $1 AND s.first = ANY($2::date[])`,
      params,
    );
    for (const s of signings) {
      const days = String(businessDaysBetween(s.created_at, new Date(`${s.first}T12:00:00+08:00`), calendar));
      const targets =
        s.bank === null
          ? [row(s.first, 'r', s.region), row(s.first, 'c', s.chain), row(s.first, 't', '')]
          : [row(s.first, 'b', s.bank)];
      for (const target of targets) count(target.signing_days, days);
    }

    await manager.query(`DELETE FROM report_day_figures WHERE campaign_id = $1 AND day = ANY($2::date[])`, params);
    const all = [...rows.values()];
    for (let i = 0; i < all.length; i += 2000) {
      await manager.query(
        `INSERT INTO report_day_figures SELECT * FROM jsonb_populate_recordset(NULL::report_day_figures, $1::jsonb)`,
        [JSON.stringify(all.slice(i, i + 2000))],
      );
    }
  }
}
