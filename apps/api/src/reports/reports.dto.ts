import { IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsRegionCode } from '@unblock/http';
import {
  LEAGUE_BY,
  LEAGUE_INDICATORS,
  LEAGUE_PERIODS,
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
