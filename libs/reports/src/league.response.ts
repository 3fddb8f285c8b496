/** What a league table ranks on: each higher is better. */
export const LEAGUE_INDICATORS = [
  'visits',
  'needs',
  'claims_on_time',
  'credited_rate',
  'signed_amount',
  'confirmation_rate',
  'satisfaction',
  'first_loans',
  'credit_loan_share',
] as const;
export type LeagueIndicator = (typeof LEAGUE_INDICATORS)[number];

export const LEAGUE_PERIODS = ['day', 'week', 'month'] as const;
export type LeaguePeriod = (typeof LEAGUE_PERIODS)[number];

export const LEAGUE_BY = ['region', 'bank'] as const;
export type LeagueBy = (typeof LEAGUE_BY)[number];

/** Inclusive ISO dates (Asia/Shanghai days). */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** One ranked region or bank. */
export class LeagueRow {
  /** A region's code or a bank's id. */
  key!: string;
  name!: string;
  /** Competition ranking (1, 2, 2, 4); rows without a value rank last together. */
  rank!: number;
  previousRank!: number;
  /** previousRank − rank: positive when the row moved up. */
  rankChange!: number;
  /** A count, an amount (yuan, 2 decimals), a share (0–1, 4 decimals) or a mean score, as an exact decimal string. */
  value!: string | null;
  previousValue!: string | null;
}

/** A league table: the rows in rank order, then by name. */
export class LeagueTable {
  by!: LeagueBy;
  indicator!: LeagueIndicator;
  period!: LeaguePeriod;
  /** The region whose children (or whose banks) are ranked; null: every province. */
  regionCode!: string | null;
  from!: string;
  to!: string;
  previousFrom!: string;
  previousTo!: string;
  rows!: LeagueRow[];
}
