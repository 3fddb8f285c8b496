import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CAMPAIGN_KINDS, type CampaignKind } from '@unblock/domain';
import { IsRegionCode, PageQueryDto } from '@unblock/http';
import { ISO_DATE, IsName } from '../common/dto-validators';

export class CreateCampaignDto {
  @IsName()
  name!: string;

  @IsIn(CAMPAIGN_KINDS)
  kind!: CampaignKind;

  @IsRegionCode()
  regionCode!: string;

  @Matches(ISO_DATE, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  startsOn!: string;

  @Matches(ISO_DATE, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  endsOn!: string;

  @IsOptional()
  @IsUUID()
  slaPolicyId?: string;
}

export class ListCampaignsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(CAMPAIGN_KINDS)
  kind?: CampaignKind;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @Type(() => String)
  @Matches(ISO_DATE, { message: 'activeOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  activeOn?: string;
}
