import { LeagueTable } from '../league.response';

/** An overdue or escalated case as the bulletin lists it. */
export class BulletinCase {
  caseId!: string;
  number!: string;
  enterpriseName!: string;
  /** The bank holding it; null in a pool or before routing. */
  bankName!: string | null;
  dueAt!: string | null;
  /** Whole days past its deadline when the bulletin was written (0: due today, not yet a day late). */
  overdueDays!: number | null;
  /** 0 (none), 1 or 2. */
  escalationLevel!: number;
}

export class BulletinCases {
  /** How many are overdue, and how many escalated, in all (the list holds the most overdue only). */
  overdue!: number;
  escalated!: number;
  cases!: BulletinCase[];
}

/** A region or bank the bulletin names as lagging: at the bottom of a table, or under a campaign's threshold. */
export class BulletinLaggard {
  by!: 'region' | 'bank';
  key!: string;
  name!: string;
  indicator!: LeagueTable['indicator'];
  value!: string | null;
  reason!: 'bottom' | 'under_threshold';
  /** The threshold it is under (reason under_threshold). */
  threshold!: string | null;
}

/** The thresholds the bulletin applied: the strictest of the campaigns running in its region that day. */
export class BulletinThresholds {
  claimsOnTime?: string;
  creditedRate?: string;
}

/** What a bulletin holds, as written on its morning. */
export class BulletinContent {
  regionCode!: string;
  regionName!: string;
  /** The day reported on (YYYY-MM-DD, Asia/Shanghai). */
  day!: string;
  writtenAt!: string;
  /** The region's children ranked for the day (none for a county). */
  regionLeagues!: LeagueTable[];
  bankLeagues!: LeagueTable[];
  cases!: BulletinCases;
  thresholds!: BulletinThresholds;
  laggards!: BulletinLaggard[];
}

export class BulletinSummary {
  id!: string;
  regionCode!: string;
  regionName!: string;
  day!: string;
  createdAt!: Date;
  overdue!: number;
  escalated!: number;
  laggards!: number;
}

export class Bulletin extends BulletinSummary {
  content!: BulletinContent;
}

export class BulletinPage {
  items!: BulletinSummary[];
  nextCursor!: string | null;
  total?: number;
}
