import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@unblock/config';
import {
  CAMPAIGNS_BY_ID,
  IMPORT_BY_ID,
  IMPORT_ERRORS_PAGE,
  INSERT_IMPORT,
  LOCK_USER_UPLOADS,
  RETRY_IMPORT,
  SET_IMPORT_FILE,
  UPLOADS_LOCK,
  USER_STORED_UPLOAD_BYTES,
  inTransaction,
  type ImportFormat,
  type ImportKind,
  type ImportStatus,
} from '@unblock/database';
import { DomainError, isWithinRegion, readScope, type Actor } from '@unblock/domain';
import { JOB_NAMES, OUTBOX_TYPES, insertOutbox, jobIdOf, outboxMessage } from '@unblock/queue';
import { DataSource, type EntityManager } from 'typeorm';
import { storeChunks } from './chunks';
import { checkHeader, sniffFormat } from './columns';
import { IMPORT_ROLES, MAX_STORED_ERRORS } from './import-runner';
import type { ImportResponse, ImportRowError } from './import.response';
import { UnreadableFileError, csvHeader } from './records';
import { UUID } from './sink';
import { StoredFile } from './stored-file';
import { checkWorkbookArchive } from './workbook-archive';

const ERRORS_PAGE = 200;

export interface Upload {
  readonly filename: string;
  readonly mediaType: string;
  readonly stream: AsyncIterable<Buffer | string>;
}

/** What an upload may say besides its file: an import of needs, the campaign of the rows that name none. */
export interface UploadOptions {
  readonly campaignId?: string | undefined;
}

interface ImportDbRow {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  format: ImportFormat;
  filename: string;
  campaign_id: string | null;
  byte_size: string;
  created_by_user_id: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  failure_reason: string | null;
  run: number;
}

/** The job id of one run of an import: a retry is a new run, so a new job. */
export function importJobId(importId: string, run: number): string {
  return jobIdOf(JOB_NAMES.importRun, { importId, run });
}

/**
 * Takes uploads and reports progress. An upload is one transaction: the import row, the file's chunks,
 * the checks and the outbox message that queues its job; a bad upload writes nothing. The upload is never
 * parsed here: a CSV's header is read from its first bytes, a workbook's central directory is checked (its
 * declared sizes and compression), and the worker reads the rows. Each user's stored uploads are capped.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, kind: ImportKind, upload: Upload, options: UploadOptions = {}): Promise<ImportResponse> {
    if (!IMPORT_ROLES[kind].includes(actor.role)) {
      throw new DomainError('forbidden', `importing ${kind} is for ${IMPORT_ROLES[kind].join(', ')}`);
    }
    const campaignId = kind === 'needs' ? await this.campaignOf(actor, options.campaignId) : null;
    const filename = (upload.filename.trim() || `upload.${kind}`).slice(0, 255);
    const id = await inTransaction(
      this.dataSource,
      async (manager) => {
        await manager.query(LOCK_USER_UPLOADS, [UPLOADS_LOCK, actor.userId]);
        const [kept] = await manager.query<{ bytes: string }[]>(USER_STORED_UPLOAD_BYTES, [actor.userId]);
        const [created] = await manager.query<{ id: string }[]>(INSERT_IMPORT, [
          kind,
          filename,
          actor.userId,
          campaignId,
        ]);
        const importId = String(created?.id);
        let format = 'csv' as ImportFormat;
        const query = (sql: string, parameters: unknown[]): Promise<unknown> => manager.query(sql, parameters);
        const room = { ...this.config.uploads, storedBytes: Number(kept?.bytes ?? 0) };
        const stored = await storeChunks(query, importId, upload.stream, room, (head) => {
          format = sniffFormat(head, { filename, mediaType: upload.mediaType });
        });
        if (stored.bytes === 0) throw DomainError.invalid('file', 'is empty');
        if (format === 'xlsx') {
          const file = new StoredFile(query, importId, stored.chunks);
          await checkWorkbookArchive(() => file.openZip(), this.config.xlsx);
        } else {
          let header: readonly string[] | undefined;
          try {
            header = csvHeader(stored.head, stored.bytes <= stored.head.length);
          } catch (error: unknown) {
            if (error instanceof UnreadableFileError) throw DomainError.invalid('file', error.message);
            throw error;
          }
          if (header?.length === 0) throw DomainError.invalid('file', 'has no header row');
          if (header !== undefined) checkHeader(kind, header);
        }
        await manager.query(SET_IMPORT_FILE, [importId, format, stored.bytes, stored.chunks]);
        await this.enqueue(manager, importId, 1);
        return importId;
      },
      1,
    );
    return this.get(actor, id);
  }

  /** A failed import runs again from its checkpoint, as a new run. 409 unless it failed. */
  async retry(actor: Actor, id: string): Promise<ImportResponse> {
    await this.get(actor, id);
    await inTransaction(this.dataSource, async (manager) => {
      const [updated] = await manager.query<{ run: number }[][]>(RETRY_IMPORT, [id]);
      const run = updated?.[0]?.run;
      if (run === undefined) {
        throw DomainError.conflict('only a failed import whose file is kept can be retried', 'status');
      }
      await this.enqueue(manager, id, run);
    });
    return this.get(actor, id);
  }

  /** The uploader and admins see an import; anyone else gets 404. */
  async get(actor: Actor, id: string, errorsAfterRow = 0): Promise<ImportResponse> {
    const [row] = await this.dataSource.query<ImportDbRow[]>(IMPORT_BY_ID, [id]);
    if (!row || (actor.role !== 'admin' && row.created_by_user_id !== actor.userId)) {
      throw DomainError.notFound('import');
    }
    const errors = await this.dataSource.query<ImportRowError[]>(IMPORT_ERRORS_PAGE, [
      id,
      errorsAfterRow,
      ERRORS_PAGE + 1,
    ]);
    const more = errors.length > ERRORS_PAGE;
    const page = more ? errors.slice(0, ERRORS_PAGE) : errors;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      format: row.format,
      filename: row.filename,
      campaignId: row.campaign_id,
      byteSize: Number(row.byte_size),
      createdByUserId: row.created_by_user_id,
      createdAt: row.created_at.toISOString(),
      startedAt: row.started_at?.toISOString() ?? null,
      finishedAt: row.finished_at?.toISOString() ?? null,
      rowsRead: row.rows_read,
      rowsAccepted: row.rows_accepted,
      rowsRejected: row.rows_rejected,
      failureReason: row.failure_reason,
      run: row.run,
      errors: page,
      nextErrorsAfterRow: more ? (page[page.length - 1]?.row ?? null) : null,
      errorsNotStored: Math.max(0, row.rows_rejected - MAX_STORED_ERRORS),
    };
  }

  /** The campaign named with an upload of needs: one in the uploader's region (or covering it), or a 400. */
  private async campaignOf(actor: Actor, campaignId: string | undefined): Promise<string | null> {
    if (campaignId === undefined || campaignId === '') return null;
    if (!UUID.test(campaignId)) throw DomainError.invalid('campaignId', 'must be a UUID');
    const [campaign] = await this.dataSource.query<{ region_code: string }[]>(CAMPAIGNS_BY_ID, [[campaignId]]);
    const scope = readScope(actor);
    if (
      !campaign ||
      (scope !== null && !isWithinRegion(campaign.region_code, scope) && !isWithinRegion(scope, campaign.region_code))
    ) {
      throw DomainError.invalid('campaignId', 'no campaign in your region has this id');
    }
    return campaignId.toLowerCase();
  }

  private async enqueue(manager: EntityManager, importId: string, run: number): Promise<void> {
    await insertOutbox(manager, [outboxMessage(OUTBOX_TYPES.importRun, { importId, run }, new Date())]);
  }
}
