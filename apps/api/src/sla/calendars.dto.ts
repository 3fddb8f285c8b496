import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ISO_DATE } from '../common/dto-validators';

/** An optional list of at most 1,000 dates (YYYY-MM-DD) that exist in the calendar. */
function IsDateList(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(1000)(target, key);
    Matches(ISO_DATE, { each: true, message: `each of ${String(key)} must be a date (YYYY-MM-DD)` })(target, key);
    IsDateString({ strict: true }, { each: true })(target, key);
  };
}

export class CreateCalendarDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsDateList()
  holidays?: string[];

  @IsDateList()
  workdays?: string[];
}

export class UpdateCalendarDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @IsDateList()
  holidays?: string[];

  @IsDateList()
  workdays?: string[];
}
