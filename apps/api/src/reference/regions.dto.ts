import { IsOptional } from 'class-validator';
import { IsRegionCode, IsSearchText, PageQueryDto } from '@unblock/http';
import { IsName } from '../common/dto-validators';

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

  /** Part of the name or the code. */
  @IsOptional()
  @IsSearchText()
  q?: string;
}
