import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { VISIT_KINDS, type VisitKind } from '@unblock/domain';
import { IsRegionCode, PageQueryDto } from '@unblock/http';
import { IsIsoDate, IsNote } from '../common/dto-validators';

export class RecordVisitDto {
  @IsUUID()
  campaignId!: string;

  @IsUUID()
  enterpriseId!: string;

  @IsIsoDate()
  visitedOn!: string;

  @IsIn(VISIT_KINDS)
  kind!: VisitKind;

  @IsNote()
  summary?: string;

  /** The device's own id for this visit; a retry with the same one answers the first visit. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/u, { message: 'clientRef must be 1-100 letters, digits, ".", "_", ":" or "-"' })
  clientRef?: string;
}

export class ListVisitsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsUUID()
  visitorUserId?: string;

  @IsOptional()
  @IsIn(VISIT_KINDS)
  kind?: VisitKind;

  @IsOptional()
  @IsIsoDate()
  from?: string;

  @IsOptional()
  @IsIsoDate()
  to?: string;
}
