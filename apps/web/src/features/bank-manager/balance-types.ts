/** One version of a reported balance, as `GET /loan-balances/:id` answers it. */
export interface BalanceRevision {
  revision: number;
  balance: string;
  mediumLongBalance: string;
  previousBalance: string | null;
  previousMediumLongBalance: string | null;
  note: string | null;
  reportedByName: string;
  reportedAt: string;
  importId: string | null;
}

/** A bank's reported loan balance to one enterprise at a month's end (its latest version). */
export interface LoanBalance {
  id: string;
  bankName: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  month: string;
  balance: string;
  mediumLongBalance: string;
  note: string | null;
  revision: number;
  reportedByName: string;
  reportedAt: string;
  revisions?: BalanceRevision[];
}
