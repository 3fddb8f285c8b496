import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@unblock/domain';
import { IsRegionCode, PageQueryDto } from '@unblock/http';
import { IsName } from '../common/dto-validators';

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
