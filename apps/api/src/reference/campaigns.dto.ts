import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CAMPAIGN_KINDS, SCREENING_MODES, type CampaignKind, type ScreeningMode } from '@unblock/domain';
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

  /** `required`: new needs wait for screening (申报清单 → 推荐清单) before they reach the banks. Default `none`. */
  @IsOptional()
  @IsIn(SCREENING_MODES)
  screening?: ScreeningMode;
}

/** What an admin may change of a campaign; its kind and region stay. */
export class UpdateCampaignDto {
  @IsOptional()
  @IsName()
  name?: string;

  @IsOptional()
  @Matches(ISO_DATE, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  startsOn?: string;

  @IsOptional()
  @Matches(ISO_DATE, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  endsOn?: string;

  @IsOptional()
  @IsUUID()
  slaPolicyId?: string;

  /** Applies to the needs recorded from now on. */
  @IsOptional()
  @IsIn(SCREENING_MODES)
  screening?: ScreeningMode;
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
