import { IsDateString, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsRegionCode } from '@unblock/http';

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
