import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { ROLES, type Role } from '@unblock/domain';
import { IsRegionCode, IsSearchText, PageQueryDto } from '@unblock/http';
import { IsName, toBoolean } from '../common/dto-validators';

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

/** What an admin changes of an account; what is left out stays as it is. */
export class UpdateUserDto {
  @IsOptional()
  @IsName()
  name?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** null: no organization (an admin only). */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  organizationId?: string | null;

  /** null: no region (an admin only). */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsRegionCode()
  regionCode?: string | null;

  /** false deactivates the account (its sessions end at once); true reactivates it. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
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

  /** Part of the name or the email. */
  @IsOptional()
  @IsSearchText()
  q?: string;

  /** Active (true) or deactivated (false) accounts. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  /** Accounts whose scope lies within this region. */
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}
