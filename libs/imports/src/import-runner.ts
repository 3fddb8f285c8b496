import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ADVANCE_IMPORT_CHECKPOINT,
  COMPLETE_IMPORT_RUN,
  DELETE_IMPORT_CHUNKS,
  FAIL_IMPORT_RUN,
  IMPORT_CHECKPOINT_FOR_UPDATE,
  IMPORT_LOCK,
  INSERT_IMPORT_ERRORS,
  START_IMPORT_RUN,
  TRY_LOCK_IMPORT,
  UNLOCK_IMPORT,
  USER_AS_ACTOR,
  inTransaction,
  type ImportFormat,
  type ImportKind,
  type ImportStatus,
} from '@unblock/database';
import { AppConfig } from '@unblock/config';
import { Clock, DomainError, WEEKENDS_ONLY, localDate, type Actor, type Role } from '@unblock/domain';
import type { HandlerResult } from '@unblock/queue';
import { DiagnoseCaseUseCase } from '@unblock/cases';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { checkHeader, type ColumnIndex } from './columns';
import { EnterpriseSink } from './enterprise-sink';
import { LoanBalanceSink } from './loan-balance-sink';
import { NeedSink } from './need-sink';
import { UnreadableFileError, readRecords, type FileRecord } from './records';
import { isRowError, type ImportSink, type RowError } from './sink';
import { StoredFile } from './stored-file';
import { VisitSink } from './visit-sink';
import { IMPORT_ROWS } from './import-metrics';

/** Row errors kept per import; the rest are only counted. */
export const MAX_STORED_ERRORS = 1000;
export const DEFAULT_BATCH_ROWS = 10_000;
/** Needs per batch: each is a case written, numbered and routed through the lifecycle. */
const NEED_BATCH_ROWS = 500;
/** Chunks of the stored file read ahead of the parser (about 1 MB each). */
const READ_AHEAD_CHUNKS = 4;
/** How often the parsing of a batch lets other work of the event loop in. */
const YIELD_EVERY_ROWS = 256;

/** Who may import what, as the single-row endpoints allow. */
export const IMPORT_ROLES: Record<ImportKind, readonly Role[]> = {
  enterprises: ['admin'],
  visits: ['field_officer', 'bank_manager'],
  needs: ['admin', 'supervisor'],
  loan_balances: ['bank_manager'],
};

interface ImportRow {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  format: ImportFormat;
  chunk_count: number;
  run: number;
  rows_read: number;
  rows_rejected: number;
  created_by_user_id: string;
  campaign_id: string | null;
}

/** Rows of the file read for one transaction: those that passed the sink's checks, prepared, and the others' errors. */
interface Batch<P> {
  readonly rows: number;
  readonly prepared: P;
  readonly errors: readonly RowError[];
}

/** The import moved on under us (another run advanced it, or it was failed or retried): stop quietly. */
class StaleRunError extends Error {}

/**
 * Runs an import: streams the stored file, validates rows, and writes each batch in one transaction that
 * holds its accepted rows, its row errors and the advanced checkpoint (`rows_read`). A run that dies leaves
 * whole batches only; the next run skips the rows before the checkpoint. An advisory lock on a connection
 * held for the run keeps two workers from running one import; the checkpoint update is conditional too.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly diagnose: DiagnoseCaseUseCase,
  ) {}

  async run(importId: string, run: number, options: { batchRows?: number } = {}): Promise<HandlerResult> {
    const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
    const queryRunner = this.dataSource.createQueryRunner();
    const client = (await queryRunner.connect()) as PoolClient;
    let locked = false;
    try {
      const lock = await client.query<{ locked: boolean }>(TRY_LOCK_IMPORT, [IMPORT_LOCK, importId]);
      locked = lock.rows[0]?.locked === true;
      if (!locked) return { skipped: `import ${importId} is running on another worker` };
      const found = await client.query<ImportRow>(START_IMPORT_RUN, [importId, run]);
      const row = found.rows[0];
      if (!row) return { skipped: `import ${importId} run ${run} is finished or superseded` };
      try {
        return await this.process(client, queryRunner.manager, row, batchRows);
      } catch (error: unknown) {
        if (error instanceof StaleRunError) return { skipped: `import ${importId} moved on: ${error.message}` };
        if (error instanceof UnreadableFileError) {
          // The file itself: another run could only fail the same way, so its bytes are not kept.
          await this.fail(importId, run, error.message, { dropFile: true });
          return { done: `import ${importId} failed: ${error.message}` };
        }
        if (error instanceof DomainError) {
          await this.fail(importId, run, error.message);
          return { done: `import ${importId} failed: ${error.message}` };
        }
        throw error;
      }
    } finally {
      if (locked) {
        await client.query(UNLOCK_IMPORT, [IMPORT_LOCK, importId]).catch(() => undefined);
      }
      await queryRunner.release();
    }
  }

  /**
   * Marks an unfinished run failed (its committed batches stay; a retry resumes after them). With `dropFile`
   * (the file cannot be read), its stored bytes go too: they no longer count against the uploader's quota,
   * and the import cannot be retried.
   */
  async fail(importId: string, run: number, reason: string, options: { dropFile?: boolean } = {}): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const failed = await manager.query<[unknown, number]>(FAIL_IMPORT_RUN, [importId, run, reason.slice(0, 2000)]);
      if (options.dropFile === true && failed[1] === 1) await manager.query(DELETE_IMPORT_CHUNKS, [importId]);
    });
  }

  /** `manager` runs on `client`'s connection (a batch's transaction, for the sinks that write through use cases). */
  private async process(
    client: PoolClient,
    manager: EntityManager,
    row: ImportRow,
    batchRows: number,
  ): Promise<HandlerResult> {
    const actor = await this.actorOf(client, row);
    const query = (sql: string, parameters: unknown[]): Promise<unknown> => this.dataSource.query(sql, parameters);
    const file = new StoredFile(query, row.id, row.chunk_count);
    const records = readRecords(row.format, file, this.config.xlsx, READ_AHEAD_CHUNKS);
    let read: number;
    try {
      const header = await records.next();
      if (header.done === true) throw new UnreadableFileError('the file has no header row');
      const columns = checkHeader(row.kind, header.value.cells);
      read =
        row.kind === 'visits'
          ? await this.writeBatches(
              client,
              row,
              new VisitSink(actor, columns, localDate(this.clock.now(), WEEKENDS_ONLY)),
              records,
              batchRows,
            )
          : row.kind === 'needs'
            ? await this.writeBatches(
                client,
                row,
                new NeedSink(actor, columns, this.diagnose, manager, row.campaign_id),
                records,
                // Each need is a case routed with its clock: smaller batches keep a transaction short.
                Math.min(batchRows, NEED_BATCH_ROWS),
              )
            : row.kind === 'loan_balances'
              ? await this.writeBatches(client, row, this.balanceSink(actor, row, columns), records, batchRows)
              : await this.writeBatches(client, row, new EnterpriseSink(columns), records, batchRows);
    } finally {
      await records.return(undefined);
    }
    await client.query('BEGIN');
    try {
      const done = await client.query(COMPLETE_IMPORT_RUN, [row.id, row.run, read]);
      if (done.rowCount !== 1) throw new StaleRunError('the import changed before it could complete');
      await client.query(DELETE_IMPORT_CHUNKS, [row.id]);
      await client.query('COMMIT');
    } catch (error: unknown) {
      await client.query('ROLLBACK');
      throw error;
    }
    return { done: `import ${row.id}: ${read} rows` };
  }

  /**
   * Cuts the records after the checkpoint into batches and commits them in order. The next batch is read,
   * parsed and prepared while the current one is written (Node works while Postgres COPYs); nothing of it
   * is written before the current batch has committed. Answers the rows read in all.
   */
  private async writeBatches<R extends object, P>(
    client: PoolClient,
    row: ImportRow,
    sink: ImportSink<R, P>,
    records: AsyncGenerator<FileRecord>,
    batchRows: number,
  ): Promise<number> {
    let done = row.rows_read;
    let stored = Math.min(row.rows_rejected, MAX_STORED_ERRORS);
    let seen = 0;
    let stopped = false;
    const read = <T>(sql: string, parameters: unknown[]): Promise<T[]> => this.dataSource.query<T[]>(sql, parameters);
    const nextBatch = async (): Promise<Batch<P> | undefined> => {
      const parsed: R[] = [];
      const errors: RowError[] = [];
      let rows = 0;
      while (rows < batchRows && !stopped) {
        const item = await records.next();
        if (item.done === true) break;
        seen += 1;
        if (seen <= row.rows_read) continue; // committed by an earlier run
        const result = sink.parse(item.value);
        if (isRowError(result)) errors.push(result);
        else parsed.push(result);
        rows += 1;
        // Parsed rows come through promises alone: let the database connection's I/O in now and then.
        if (seen % YIELD_EVERY_ROWS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (rows === 0 || stopped) return undefined;
      return { rows, prepared: await sink.prepare(parsed, read), errors };
    };
    const ahead = (): Promise<Batch<P> | undefined> => {
      const next = nextBatch();
      next.catch(() => undefined); // seen when awaited; not an unhandled rejection while a batch commits
      return next;
    };
    let upcoming = ahead();
    try {
      for (;;) {
        const batch = await upcoming;
        if (batch === undefined) break;
        upcoming = ahead();
        stored = await this.commitBatch(client, row, sink, batch, done, stored);
        done += batch.rows;
      }
    } finally {
      stopped = true;
      await upcoming.catch(() => undefined);
    }
    return done;
  }

  /** One batch in one transaction: its rows, its row errors (up to the cap), the checkpoint and counters. */
  private async commitBatch<R extends object, P>(
    client: PoolClient,
    row: ImportRow,
    sink: ImportSink<R, P>,
    batch: Batch<P>,
    read: number,
    stored: number,
  ): Promise<number> {
    await client.query('BEGIN');
    try {
      const current = await client.query<{ rows_read: number }>(IMPORT_CHECKPOINT_FOR_UPDATE, [row.id, row.run]);
      if (current.rows[0]?.rows_read !== read) throw new StaleRunError('another run advanced its checkpoint');
      const outcome = await sink.write(client, batch.prepared, batch.errors);
      const kept: RowError[] = outcome.errors.slice(0, Math.max(0, MAX_STORED_ERRORS - stored));
      if (kept.length > 0) {
        await client.query(INSERT_IMPORT_ERRORS, [
          row.id,
          kept.map((e) => e.row),
          kept.map((e) => e.field.slice(0, 64)),
          kept.map((e) => e.reason),
        ]);
      }
      await client.query(ADVANCE_IMPORT_CHECKPOINT, [row.id, batch.rows, outcome.accepted, outcome.errors.length]);
      await client.query('COMMIT');
      IMPORT_ROWS.inc({ kind: row.kind, outcome: 'accepted' }, outcome.accepted);
      IMPORT_ROWS.inc({ kind: row.kind, outcome: 'rejected' }, outcome.errors.length);
      return stored + kept.length;
    } catch (error: unknown) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** A balance report's rows, for the uploader's bank, stamped with this run's time. */
  private balanceSink(actor: Actor, row: ImportRow, columns: ColumnIndex): LoanBalanceSink {
    if (actor.organizationId === null) throw new DomainError('forbidden', 'the uploader belongs to no bank');
    const now = this.clock.now();
    return new LoanBalanceSink(columns, actor.organizationId, actor.userId, row.id, now, localDate(now, WEEKENDS_ONLY));
  }

  /** The uploader, as they are now: an import runs with their current role and scope. */
  private async actorOf(client: PoolClient, row: ImportRow): Promise<Actor> {
    const users = await client.query<{
      id: string;
      role: Role;
      organization_id: string | null;
      region_code: string | null;
      active: boolean;
    }>(USER_AS_ACTOR, [row.created_by_user_id]);
    const user = users.rows[0];
    if (!user?.active || !IMPORT_ROLES[row.kind].includes(user.role)) {
      throw new DomainError('forbidden', 'the uploader may no longer import these rows');
    }
    this.logger.debug(`import ${row.id} runs for user ${user.id}`);
    return {
      userId: user.id,
      role: user.role,
      organizationId: user.organization_id,
      regionCode: user.region_code,
    };
  }
}
