import type { ImportFormat, ImportKind, ImportStatus } from '@unblock/database';

export interface ImportRowError {
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

export interface ImportResponse {
  readonly id: string;
  readonly kind: ImportKind;
  readonly status: ImportStatus;
  readonly format: ImportFormat;
  readonly filename: string;
  /** An import of needs: the campaign named with the upload for the rows that name none. */
  readonly campaignId: string | null;
  readonly byteSize: number;
  readonly createdByUserId: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** Data rows processed (accepted + rejected); a resumed run continues after them. */
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /** Why the whole import failed, when it did (row problems are `errors`). */
  readonly failureReason: string | null;
  readonly run: number;
  /** Rejected rows in file order (the header is row 1), after `errorsAfterRow`, up to the page size. */
  readonly errors: readonly ImportRowError[];
  /** The row to pass as `errorsAfterRow` for the next errors, or null. */
  readonly nextErrorsAfterRow: number | null;
  /** Rejected rows beyond the stored cap, counted but not described. */
  readonly errorsNotStored: number;
}
