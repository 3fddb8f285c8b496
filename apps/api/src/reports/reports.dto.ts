import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { MONTH_PATTERN } from '@unblock/domain';
import { IsRegionCode, toBoolean } from '@unblock/http';
import { BALANCE_GROUPS, type BalanceGroup } from '@unblock/reports';

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
