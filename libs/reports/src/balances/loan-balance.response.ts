/** One revision of a balance: its figures, those it replaced, who reported it, when, and from which import. */
export interface LoanBalanceRevisionResponse {
  readonly revision: number;
  readonly balance: string;
  readonly mediumLongBalance: string;
  readonly previousBalance: string | null;
  readonly previousMediumLongBalance: string | null;
  readonly note: string | null;
  readonly reportedByUserId: string;
  readonly reportedByName: string;
  readonly reportedAt: string;
  readonly importId: string | null;
}

/** A bank's loan balance to one enterprise at a month's end, as it stands (its latest revision). */
export interface LoanBalanceResponse {
  readonly id: string;
  readonly bankId: string;
  readonly bankName: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly uscc: string;
  readonly regionCode: string;
  /** `2025-06`. */
  readonly month: string;
  readonly balance: string;
  readonly mediumLongBalance: string;
  readonly note: string | null;
  readonly revision: number;
  readonly reportedByUserId: string;
  readonly reportedByName: string;
  readonly reportedAt: string;
  readonly importId: string | null;
  readonly updatedAt: string;
  /** With the single balance (`GET /loan-balances/:id`, and the answer of a report): every revision, oldest first. */
  readonly revisions?: LoanBalanceRevisionResponse[];
}

export interface LoanBalanceRow {
  id: string;
  bank_id: string;
  bank_name: string;
  enterprise_id: string;
  enterprise_name: string;
  uscc: string;
  region_code: string;
  month: string;
  balance: string;
  medium_long_balance: string;
  note: string | null;
  revision: number;
  reported_by_user_id: string;
  reported_by_name: string;
  reported_at: Date;
  import_id: string | null;
  updated_at: Date;
}

export interface LoanBalanceRevisionRow {
  revision: number;
  balance: string;
  medium_long_balance: string;
  previous_balance: string | null;
  previous_medium_long_balance: string | null;
  note: string | null;
  reported_by_user_id: string;
  reported_by_name: string;
  reported_at: Date;
  import_id: string | null;
}

export function toLoanBalanceResponse(row: LoanBalanceRow, revisions?: LoanBalanceRevisionRow[]): LoanBalanceResponse {
  return {
    id: row.id,
    bankId: row.bank_id,
    bankName: row.bank_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    uscc: row.uscc,
    regionCode: row.region_code,
    month: row.month,
    balance: row.balance,
    mediumLongBalance: row.medium_long_balance,
    note: row.note,
    revision: row.revision,
    reportedByUserId: row.reported_by_user_id,
    reportedByName: row.reported_by_name,
    reportedAt: row.reported_at.toISOString(),
    importId: row.import_id,
    updatedAt: row.updated_at.toISOString(),
    ...(revisions === undefined
      ? {}
      : {
          revisions: revisions.map((r) => ({
            revision: r.revision,
            balance: r.balance,
            mediumLongBalance: r.medium_long_balance,
            previousBalance: r.previous_balance,
            previousMediumLongBalance: r.previous_medium_long_balance,
            note: r.note,
            reportedByUserId: r.reported_by_user_id,
            reportedByName: r.reported_by_name,
            reportedAt: r.reported_at.toISOString(),
            importId: r.import_id,
          })),
        }),
  };
}
