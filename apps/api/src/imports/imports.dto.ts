import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { INT4_MAX, toInt } from '@unblock/http';

export class ImportQueryDto {
  /** The rejected rows after this row number (the header is row 1), 200 at a time. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  errorsAfterRow: number = 0;
}

/** `POST /imports/needs?campaignId=`: the campaign of the rows that name none (also a form field). */
export class NeedsImportQueryDto {
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}
