import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { DECLINE_REASON_CODE, REPAIRER_KINDS, type RepairerKind } from '@unblock/domain';
import { IsName } from '../common/dto-validators';

export class CreateDeclineReasonDto {
  /** Lower-case words joined by underscores (`tax_arrears`); unique, and it stays. */
  @Matches(DECLINE_REASON_CODE, { message: 'code must be lower-case words joined by underscores' })
  code!: string;

  @IsName()
  name!: string;

  @IsOptional()
  @IsBoolean()
  repairable?: boolean;

  /** How it is repaired, in plain words for the enterprise: required when repairable. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  repairPath?: string;

  /** Who repairs it: required when repairable. */
  @IsOptional()
  @IsIn(REPAIRER_KINDS)
  repairerKind?: RepairerKind;
}

export class UpdateDeclineReasonDto {
  @IsOptional()
  @IsName()
  name?: string;

  @IsOptional()
  @IsBoolean()
  repairable?: boolean;

  /** null: none (a reason no longer repairable). */
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  repairPath?: string | null;

  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIn(REPAIRER_KINDS)
  repairerKind?: RepairerKind | null;
}
