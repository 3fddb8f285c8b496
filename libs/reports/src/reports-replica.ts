import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@unblock/config';
import { dataSourceOptions } from '@unblock/database';
import { DataSource } from 'typeorm';
import { READER_REFRESH, ReportRollups } from './report-rollups.service';
import { ReportsService } from './reports.service';

/** How long a report waits at most for the replica to replay what the primary had committed when it was asked. */
const CATCH_UP_MS = 1000;
/** How often it looks meanwhile. */
const CATCH_UP_POLL_MS = 20;

/** Where a report was read: the replica, caught up with the primary as of the request, or the primary. */
export type ReportsReadFrom = 'replica' | 'primary';

/**
 * Reports and their exports read from a PostgreSQL streaming replica when `REPORTS_DATABASE_URL` names one.
 * A reader sees what was committed before they asked: the rollups' stale days are recomputed on the primary,
 * and the report waits (up to `CATCH_UP_MS`) until the replica has replayed the primary's WAL as of then;
 * a replica further behind, or down, leaves the report to the primary. The answer says which it was.
 */
@Injectable()
export class ReportsReplica implements OnApplicationShutdown {
  private readonly logger = new Logger('ReportsReplica');
  private replica: Promise<DataSource> | null = null;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
    private readonly reports: ReportsService,
    private readonly rollups: ReportRollups,
  ) {}

  /** Whether reports may read a replica (`REPORTS_DATABASE_URL`). */
  get configured(): boolean {
    return this.config.reportsDatabaseUrl !== null;
  }

  /** The reports to answer from, and where they read. */
  async reader(): Promise<{ reports: ReportsService; from: ReportsReadFrom }> {
    const url = this.config.reportsDatabaseUrl;
    if (url === null) return { reports: this.reports, from: 'primary' };
    try {
      await this.rollups.refresh(READER_REFRESH);
      const [{ lsn }] = await this.primary.query<[{ lsn: string }]>(`SELECT pg_current_wal_lsn()::text AS lsn`);
      const replica = await this.connect(url);
      const deadline = Date.now() + CATCH_UP_MS;
      for (;;) {
        const [row] = await replica.query<{ caught_up: boolean | null }[]>(
          `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up`,
          [lsn],
        );
        if (row?.caught_up === true) return { reports: this.reports.on(replica), from: 'replica' };
        if (Date.now() >= deadline) return { reports: this.reports, from: 'primary' };
        await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
      }
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'the reports replica did not answer: reading from the primary');
      this.replica = null;
      return { reports: this.reports, from: 'primary' };
    }
  }

  /** The replica's pool, made at first use (the worker, which never reads reports, makes none). */
  private connect(url: string): Promise<DataSource> {
    this.replica ??= new DataSource(
      dataSourceOptions(url, this.config.databasePoolSize, 'unblock-reports'),
    ).initialize();
    return this.replica;
  }

  async onApplicationShutdown(): Promise<void> {
    const replica = await this.replica?.catch(() => null);
    if (replica?.isInitialized) await replica.destroy();
  }
}
