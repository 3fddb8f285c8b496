import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import {
  CHAIN_ROLES,
  ENTERPRISE_SIZES,
  ENTERPRISE_TAGS,
  type ChainRole,
  type EnterpriseSize,
  type EnterpriseTag,
} from '@unblock/domain';
import { IsChinesePhone, IsRegionCode, IsSearchText, IsUscc, PageQueryDto } from '@unblock/http';
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

  /** The contact person (personal data: shown only to those who work its cases). */
  @IsOptional()
  @IsName()
  contactName?: string;

  /** A mobile (13812345678) or landline (0635-8231234) number. */
  @IsOptional()
  @IsChinesePhone()
  contactPhone?: string;
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

  /** The contact person; null removes it. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsName()
  contactName?: string | null;

  /** A mobile or landline number; null removes it. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsChinesePhone()
  contactPhone?: string | null;
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

  /** Part of the name or of the unified social credit code. */
  @IsOptional()
  @IsSearchText()
  q?: string;

  /**
   * These enterprises only (at most 100, as `ids=a,b` or `ids=a&ids=b`): the names of a list's enterprises in
   * one request. Those out of the caller's scope are left out, as with any other filter.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value.split(',')
      : Array.isArray(value)
        ? value.flatMap((v) => String(v).split(','))
        : value,
  )
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];
}
