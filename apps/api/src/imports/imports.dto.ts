import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
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
