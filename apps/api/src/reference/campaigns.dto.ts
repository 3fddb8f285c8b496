import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CAMPAIGN_KINDS, SCREENING_MODES, type CampaignKind, type ScreeningMode } from '@unblock/domain';
import { INT4_MAX, IsMoney, IsRegionCode, IsSearchText, PageQueryDto } from '@unblock/http';
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

  /** Visits the campaign aims at. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  targetVisits?: number;

  /** Needs it aims to collect. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  targetNeeds?: number;

  /** The signed amount it aims at: yuan as a decimal string ("3145000000.00"). */
  @IsOptional()
  @IsMoney()
  targetSignedAmount?: string;

  /** `required`: new needs wait for screening (申报清单 → 推荐清单) before they reach the banks. Default `none`. */
  @IsOptional()
  @IsIn(SCREENING_MODES)
  screening?: ScreeningMode;
}

/** A share from 0 to 1 with at most 4 decimals ("0.80"). */
const SHARE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/u;

/** The shares under which the daily bulletin names a region or bank as lagging; each may be left out. */
export class LaggardThresholdsDto {
  /** Claims within their deadline, 0–1 ("0.80"). */
  @IsOptional()
  @Matches(SHARE, { message: 'claimsOnTime must be a share from 0 to 1 (e.g. "0.80")' })
  claimsOnTime?: string;

  /** Recommended needs credited (approved), 0–1. */
  @IsOptional()
  @Matches(SHARE, { message: 'creditedRate must be a share from 0 to 1 (e.g. "0.60")' })
  creditedRate?: string;
}

/** What an admin changes of a campaign; what is left out stays as it is, null clears the policy or a target. */
export class UpdateCampaignDto {
  @IsOptional()
  @IsName()
  name?: string;

  @IsOptional()
  @IsIn(CAMPAIGN_KINDS)
  kind?: CampaignKind;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @Matches(ISO_DATE, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  startsOn?: string;

  @IsOptional()
  @Matches(ISO_DATE, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  endsOn?: string;

  /** null: the default SLA policy applies. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  slaPolicyId?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  targetVisits?: number | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  targetNeeds?: number | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsMoney()
  targetSignedAmount?: string | null;

  /** Applies to the needs recorded from now on. */
  @IsOptional()
  @IsIn(SCREENING_MODES)
  screening?: ScreeningMode;

  /** Replaces the laggard thresholds whole (`{}` clears them). */
  @ValidateIf((_, value) => value !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => LaggardThresholdsDto)
  laggardThresholds?: LaggardThresholdsDto;
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

  /** Part of the name. */
  @IsOptional()
  @IsSearchText()
  q?: string;
}
