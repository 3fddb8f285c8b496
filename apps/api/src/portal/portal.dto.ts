import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { NeedFieldsDto } from '../cases/cases.dto';
import { IsNote, trimmed } from '../common/dto-validators';

/** A need the enterprise publishes on its own page. */
export class PublishNeedDto extends NeedFieldsDto {
  /** One of the campaigns `GET /portal/me` offers; the first of them when left out. */
  @IsOptional()
  @IsUUID()
  campaignId?: string;
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
