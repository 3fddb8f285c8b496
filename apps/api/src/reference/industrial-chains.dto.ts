import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { IsRegionCode, PageQueryDto } from '@unblock/http';
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

export class ListChainsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
