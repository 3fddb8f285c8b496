import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { BaseEntity, inList } from './base.entity';
import { UserEntity } from './user.entity';

export const IMPORT_KINDS = ['enterprises', 'visits', 'needs', 'loan_balances'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * A bulk import of an uploaded CSV or XLSX file. Postgres is its source of truth: the bytes sit in
 * `import_chunks`, and `rows_read` is the checkpoint, advanced in the same transaction as each batch's rows
 * and row errors, so a run that dies resumes after the last committed batch.
 */
@Entity('imports')
@Check('imports_kind_check', inList('kind', IMPORT_KINDS))
@Check('imports_status_check', inList('status', IMPORT_STATUSES))
@Check('imports_format_check', inList('format', IMPORT_FORMATS))
@Index('imports_unfinished', ['createdAt'], { where: `"status" IN ('queued', 'running')` })
export class ImportEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 16 })
  kind!: ImportKind;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportStatus;

  @Column({ type: 'varchar', length: 8 })
  format!: ImportFormat;

  @Column({ type: 'text' })
  filename!: string;

  @Index()
  @Column({ type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  createdByUser?: UserEntity;

  @Column({ type: 'bigint', default: 0 })
  byteSize!: string;

  @Column({ type: 'integer', default: 0 })
  chunkCount!: number;

  /** An import of needs: the campaign of every row that names none. */
  @Column({ type: 'uuid', nullable: true })
  campaignId!: string | null;

  /** Each retry of a failed import is a new run (and a new job id). */
  @Column({ type: 'integer', default: 1 })
  run!: number;

  /** Data rows processed so far (accepted + rejected): the checkpoint a resumed run skips to. */
  @Column({ type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ type: 'integer', default: 0 })
  rowsAccepted!: number;

  @Column({ type: 'integer', default: 0 })
  rowsRejected!: number;

  /** Why the whole import failed (a row's problem is a row error, never this). */
  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finishedAt!: Date | null;
}

/** About 1 MB of an uploaded file, in order. Deleted when the import completes. */
@Entity('import_chunks')
export class ImportChunkEntity {
  @PrimaryColumn({ type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  import?: ImportEntity;

  @Column({ type: 'bytea' })
  data!: Buffer;
}

/** One rejected row (the first problem found in it). At most a fixed number per import are kept. */
@Entity('import_errors')
export class ImportErrorEntity {
  @PrimaryColumn({ type: 'uuid' })
  importId!: string;

  /** The row in the file as a spreadsheet numbers it: the header is row 1. */
  @PrimaryColumn({ type: 'integer' })
  rowNumber!: number;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  import?: ImportEntity;

  @Column({ type: 'varchar', length: 64 })
  field!: string;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
