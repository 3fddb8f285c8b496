import { IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@unblock/domain';
import { IsRegionCode, IsSearchText, PageQueryDto } from '@unblock/http';
import { IsName } from '../common/dto-validators';

export class CreateOrganizationDto {
  @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  @IsName()
  name!: string;

  @IsRegionCode()
  regionCode!: string;

  /** Where notifications are POSTed, signed with HMAC-SHA256 using `webhookSecret`. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  webhookUrl?: string;

  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  webhookSecret?: string;
}

export class UpdateOrganizationDto {
  @IsOptional()
  @IsName()
  name?: string;

  /** Where notifications are POSTed, signed with HMAC-SHA256; null removes it. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  webhookUrl?: string | null;

  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  webhookSecret?: string;
}

export class ListOrganizationsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  /** Part of the name. */
  @IsOptional()
  @IsSearchText()
  q?: string;
}
