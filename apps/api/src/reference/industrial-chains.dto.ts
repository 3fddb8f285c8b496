import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { IsRegionCode, IsSearchText, PageQueryDto } from '@unblock/http';
import { IsName } from '../common/dto-validators';

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

/** What an admin changes of a chain; what is left out stays as it is. `memberOrgIds` is the whole new list. */
export class UpdateChainDto {
  @IsOptional()
  @IsName()
  name?: string;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsUUID()
  leadBankId?: string;

  @IsOptional()
  @IsUUID()
  deputyBankId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  memberOrgIds?: string[];
}

export class ListChainsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** Part of the name. */
  @IsOptional()
  @IsSearchText()
  q?: string;
}
