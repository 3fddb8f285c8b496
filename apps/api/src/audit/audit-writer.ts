import { Injectable } from '@nestjs/common';
import { INSERT_AUDIT_RECORDS, PreparedStatements, type AuditStamp } from '@unblock/database';

/** One audit record: who, when, what, from where (the stamp), of which row, with which outcome. */
export interface AuditRow extends AuditStamp {
  readonly entityId: string | null;
  readonly status: number;
  /** The enterprise link an action on an enterprise's own page came through. */
  readonly enterpriseLinkId?: string | null;
}

interface Waiting {
  readonly row: AuditRow;
  readonly done: (error?: Error) => void;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(`audit insert failed: ${String(error)}`);
}

/** The most rows one INSERT carries. */
const MAX_BATCH = 500;

/**
 * Writes audit records with group commit: a record waits only for the INSERT that carries it, and every
 * record that arrives while one INSERT runs goes into the next, together. Under load one statement (one
 * round trip, one commit) carries many requests' records instead of one each; alone, a record is written
 * at once. `write` resolves once its record is committed, so a request still answers only after its audit
 * record is durable. When a batch fails, its rows are written one by one, so one bad row fails alone.
 */
@Injectable()
export class AuditWriter {
  private queue: Waiting[] = [];
  private flushing = false;

  constructor(private readonly prepared: PreparedStatements) {}

  write(row: AuditRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.insert(batch.map((w) => w.row));
          for (const w of batch) w.done();
        } catch (error: unknown) {
          if (batch.length === 1) batch[0]?.done(asError(error));
          else
            await Promise.all(
              batch.map((w) =>
                this.insert([w.row]).then(
                  () => w.done(),
                  (e: unknown) => w.done(asError(e)),
                ),
              ),
            );
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async insert(rows: readonly AuditRow[]): Promise<void> {
    await this.prepared.query(INSERT_AUDIT_RECORDS, [
      rows.map((r) => r.actorUserId),
      rows.map((r) => r.at.toISOString()),
      rows.map((r) => r.action),
      rows.map((r) => r.entity),
      rows.map((r) => r.entityId),
      rows.map((r) => r.status),
      rows.map((r) => r.ip),
      rows.map((r) => r.userAgent),
      rows.map((r) => r.requestId),
      rows.map((r) => r.enterpriseLinkId ?? null),
    ]);
  }
}
