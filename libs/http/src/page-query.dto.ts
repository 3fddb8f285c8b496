import { parseCursor } from '@unblock/database';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { toBoolean, toInt } from './validators';

/** A `nextCursor` this API gave out (checked by `parseCursor`, the one check of every list's cursor). */
function IsCursor(): PropertyDecorator {
  return ValidateBy({
    name: 'isCursor',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseCursor(value) !== undefined,
      defaultMessage: () => 'cursor must be the nextCursor of a previous page of this list',
    },
  });
}

/** `limit` and `cursor`, which every list takes. */
export class PageQueryDto {
  /** How many items, 1 to 200 (default 50). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  /** `true`: the first page also answers `total`, how many items the whole list holds. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  count?: boolean;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsCursor()
  cursor?: string;
}
