import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  CHAIN_ROLES,
  ENTERPRISE_SIZES,
  ENTERPRISE_TAGS,
  type ChainRole,
  type EnterpriseSize,
  type EnterpriseTag,
} from '@unblock/domain';
import { IsRegionCode, IsUscc, PageQueryDto } from '@unblock/http';
import { IsName } from '../common/dto-validators';

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
