import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@unblock/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { reportCalendar } from './campaign-figures';
import { refreshEnterprisePresence } from './enterprise-presence';
import { refreshPresenceSets } from './presence-sets';
import { refreshAllDaysFigures } from './all-days-figures';
import { CASE_DAY, refreshDayFigures } from './report-day-figures';
import { refreshAllDaysLoanOutcomes, refreshLoanOutcomeDays } from './loan-outcomes';

/** The advisory lock that keeps the refresh to one process at a time. */
export const REPORTS_REFRESH_LOCK = 7260002;

export interface RefreshResult {
  /** Campaign days recomputed. */
  readonly days: number;
}

export interface RefreshOptions {
  /** Leave the refresh to the worker when more days than this are stale. */
  readonly maxDays?: number;
  /** Leave it to the worker when the stale days hold more visits than this. */
  readonly maxVisits?: number;
  /** How long to wait for a refresh another process is running (0: do not wait). */
  readonly waitMs?: number;
}

/**
 * What a reader recomputes before answering, so they see their own writes: at most this many stale days
 * holding at most this many visits (a province's busy day is left to the worker's refresh: seconds of work).
 * A refresh the worker is running is waited for, a few seconds at most, since its snapshot may predate the
 * reader's write.
 */
export const READER_REFRESH: RefreshOptions = { maxDays: 7, maxVisits: 20_000, waitMs: 5_000 };

/** How often a refresh that waits for another process's tries the lock again. */
const BUSY_POLL_MS = 50;

/** How fresh the rollups are. */
export interface RollupsFreshness {
  /** When the last refresh ran (null: never). */
  readonly refreshedAt: Date | null;
  /** Whether a write marked a day stale since. */
  readonly stale: boolean;
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
   *
   * With `waitMs`, a refresh another process is running is waited for (up to that long), and the days that
   * stayed stale after it are recomputed: a reader who just wrote is not answered from the other process's
   * snapshot, which may predate the write.
   */
  async refresh(options: RefreshOptions = {}): Promise<RefreshResult | null> {
    const deadline = Date.now() + (options.waitMs ?? 0);
    for (;;) {
      const result = await this.refreshOnce(options);
      if (result !== 'busy') return result;
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
    }
  }

  /** One try: 'busy' when another process holds the lock. */
  private async refreshOnce(options: RefreshOptions): Promise<RefreshResult | null | 'busy'> {
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
        return 'busy';
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

  /** When the last refresh ran, and whether a day is marked stale since (two reads of one row each). */
  async freshness(): Promise<RollupsFreshness> {
    const [row] = await this.dataSource.query<{ refreshed_at: Date | null; stale: boolean }[]>(
      `SELECT CASE WHEN isfinite(refreshed_at) THEN refreshed_at END AS refreshed_at,
              EXISTS (SELECT 1 FROM report_dirty_days) AS stale
         FROM report_refresh_state WHERE id = 1`,
    );
    return { refreshedAt: row?.refreshed_at ?? null, stale: row?.stale === true };
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
        'report_need_presence',
        'report_day_figures',
        'report_loan_outcomes',
        'report_presence_sets',
      ]) {
        await manager.query(`DELETE FROM ${table} WHERE ${only('campaign_id')}`, params);
      }
    });
    // Waits for a refresh another process is running; with no limits set, the only reason to answer null.
    return (await this.refresh({ waitMs: Number.POSITIVE_INFINITY })) ?? { days: 0 };
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
      await refreshEnterprisePresence(manager, campaignId, days);
      await refreshDayFigures(manager, campaignId, days, now, calendar);
      await refreshLoanOutcomeDays(manager, campaignId, days);
      await refreshPresenceSets(manager, campaignId, days);
      await refreshAllDaysFigures(manager, campaignId);
      await refreshAllDaysLoanOutcomes(manager, campaignId);
    }
  }
}
