import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BOTTLENECKS, PURPOSES, TERMS, type Bottleneck, type Purpose, type Term } from '@unblock/domain';
import { IsMoney } from '@unblock/http';
import { IsNote, trimmed } from '../common/dto-validators';

/** A need the enterprise publishes on its own page. */
export class PublishNeedDto {
  /** One of the campaigns `GET /portal/me` offers; the first of them when left out. */
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  /** Yuan, a decimal string with at most two decimals, e.g. "5000000.00". */
  @IsMoney({ positive: true })
  requestedAmount!: string;

  @IsIn(PURPOSES)
  purpose!: Purpose;

  @IsIn(TERMS)
  term!: Term;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BOTTLENECKS.length)
  @ArrayUnique()
  @IsIn(BOTTLENECKS, { each: true })
  bottlenecks!: Bottleneck[];

  @IsNote()
  note?: string;
}

/** Whether the bank contacted the enterprise. */
export class ContactConfirmationDto {
  /** true: the bank contacted us; false: it did not (a dispute, for the supervisors). */
  @IsBoolean()
  contacted!: boolean;

  @IsNote()
  note?: string;
}

/** The enterprise's rating of the service, once the outcome is known. */
export class RatingDto {
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
