import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { MONTH_PATTERN } from '@unblock/domain';
import { IsRegionCode, toBoolean } from '@unblock/http';
import {
  BALANCE_GROUPS,
  LEAGUE_BY,
  LEAGUE_INDICATORS,
  LEAGUE_PERIODS,
  type BalanceGroup,
  type LeagueBy,
  type LeagueIndicator,
  type LeaguePeriod,
} from '@unblock/reports';

export class ReportQueryDto {
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  /** A region and its descendants (a province rolls up its cities and counties). */
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  /** From this ISO date, inclusive (Asia/Shanghai). */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/u, { message: 'from must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  from?: string;

  /** Up to this ISO date, inclusive. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/u, { message: 'to must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  to?: string;
}

export class LeagueQueryDto {
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  /** The region whose children (by region) or whose banks (by bank) are ranked; else the reader's. */
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  /** Rank the child regions, or the banks. */
  @IsIn(LEAGUE_BY)
  by!: LeagueBy;

  @IsIn(LEAGUE_INDICATORS)
  indicator!: LeagueIndicator;

  /** A day, its ISO week (Monday to Sunday) or its calendar month, Asia/Shanghai. */
  @IsIn(LEAGUE_PERIODS)
  period!: LeaguePeriod;

  /** An ISO date within the period. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/u, { message: 'on must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  on!: string;
}

/** `GET /reports/balances`: a month's loan balances broken down one way, within the reader's scope. */
export class BalanceReportQueryDto {
  /** The month, `2025-06`. */
  @Matches(MONTH_PATTERN, { message: 'asOf must be a month written YYYY-MM (e.g. 2025-06)' })
  asOf!: string;

  @IsIn(BALANCE_GROUPS)
  groupBy!: BalanceGroup;

  /** A region and its descendants. */
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsUUID()
  bankId?: string;

  /** `true`: also the monthly totals of the 24 months up to `asOf` (for charts). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  series?: boolean;
}
