import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  CAMPAIGN_KINDS,
  CHAIN_ROLES,
  ENTERPRISE_SIZES,
  ENTERPRISE_TAGS,
  ORGANIZATION_KINDS,
  ROLES,
  type CampaignKind,
  type ChainRole,
  type EnterpriseSize,
  type EnterpriseTag,
  type OrganizationKind,
  type Role,
} from '@unblock/domain';
import { IsRegionCode, IsUscc, PageQueryDto } from '@unblock/http';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

function IsName(): PropertyDecorator {
  return (target, key) => {
    Transform(trim)(target, key);
    IsString()(target, key);
    MinLength(1)(target, key);
    MaxLength(200)(target, key);
  };
}

export class CreateRegionDto {
  @IsRegionCode()
  code!: string;

  @IsName()
  name!: string;

  @IsOptional()
  @IsRegionCode()
  parentCode?: string;
}

export class ListRegionsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsRegionCode()
  parentCode?: string;

  /** The region and all its descendants. */
  @IsOptional()
  @IsRegionCode()
  within?: string;
}

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
}

export class CreateUserDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsName()
  name!: string;

  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  @IsIn(ROLES)
  role!: Role;

  /** Required for every role but admin. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** The region the user's reads are scoped to; required for every role but admin. */
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @IsOptional()
  @IsEmail()
  email?: string;
}

export class CreateChainDto {
  @IsName()
  name!: string;

  @IsRegionCode()
  regionCode!: string;

  @IsUUID()
  leadBankId!: string;

  @IsUUID()
  deputyBankId!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  memberOrgIds: string[] = [];
}

export class ListChainsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class CreateEnterpriseDto {
  @IsUscc()
  uscc!: string;

  @IsName()
  name!: string;

  @IsRegionCode()
  regionCode!: string;

  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsIn(CHAIN_ROLES)
  chainRole?: ChainRole;

  @IsIn(ENTERPRISE_SIZES)
  size!: EnterpriseSize;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ENTERPRISE_TAGS, { each: true })
  tags?: EnterpriseTag[];
}

export class UpdateEnterpriseDto {
  @IsOptional()
  @IsName()
  name?: string;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  /** null takes the enterprise out of its chain. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  chainId?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(CHAIN_ROLES)
  chainRole?: ChainRole | null;

  @IsOptional()
  @IsIn(ENTERPRISE_SIZES)
  size?: EnterpriseSize;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ENTERPRISE_TAGS, { each: true })
  tags?: EnterpriseTag[];
}

export class ListEnterprisesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsIn(CHAIN_ROLES)
  chainRole?: ChainRole;

  @IsOptional()
  @IsIn(ENTERPRISE_SIZES)
  size?: EnterpriseSize;

  @IsOptional()
  @IsIn(ENTERPRISE_TAGS)
  tag?: EnterpriseTag;

  @IsOptional()
  @IsUscc()
  uscc?: string;

  /** Part of the name. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

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
