import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  BOTTLENECKS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  CLOSE_RESOLUTIONS,
  DECLINE_REASONS,
  MILESTONES,
  OBLIGATIONS,
  PURPOSES,
  TERMS,
  VISIT_KINDS,
  type Bottleneck,
  type CasePriority,
  type CaseStatus,
  type CloseResolution,
  type DeclineReason,
  type Milestone,
  type Obligation,
  type Purpose,
  type Term,
  type VisitKind,
} from '@unblock/domain';
import { IsMoney, IsRegionCode, PageQueryDto } from '@unblock/http';
import { DIAGNOSED_BY, type DiagnosedBy } from '@unblock/cases';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

function IsIsoDate(): PropertyDecorator {
  return (target, key) => {
    Matches(ISO_DATE, { message: `${String(key)} must be a date (YYYY-MM-DD)` })(target, key);
    IsDateString({ strict: true })(target, key);
  };
}

function IsNote(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(4000)(target, key);
  };
}

export class RecordVisitDto {
  @IsUUID()
  campaignId!: string;

  @IsUUID()
  enterpriseId!: string;

  @IsIsoDate()
  visitedOn!: string;

  @IsIn(VISIT_KINDS)
  kind!: VisitKind;

  @IsNote()
  summary?: string;

  /** The device's own id for this visit; a retry with the same one answers the first visit. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/u, { message: 'clientRef must be 1-100 letters, digits, ".", "_", ":" or "-"' })
  clientRef?: string;
}

export class ListVisitsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsUUID()
  visitorUserId?: string;

  @IsOptional()
  @IsIn(VISIT_KINDS)
  kind?: VisitKind;

  @IsOptional()
  @IsIsoDate()
  from?: string;

  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class DiagnoseCaseDto {
  @IsUUID()
  visitId!: string;

  /** Yuan, a decimal string with at most two decimals, e.g. "12500000.00". */
  @IsMoney({ positive: true })
  requestedAmount!: string;

  @IsIn(PURPOSES)
  purpose!: Purpose;

  @IsIn(TERMS)
  term!: Term;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BOTTLENECKS.length)
  @ArrayUnique()
  @IsIn(BOTTLENECKS, { each: true })
  bottlenecks!: Bottleneck[];

  @IsNote()
  note?: string;

  @IsOptional()
  @IsIn(CASE_PRIORITIES)
  priority?: CasePriority;

  /** false: leave the case diagnosed, to route later with POST /cases/:id/route. */
  @IsOptional()
  @IsBoolean()
  route?: boolean;
}

export class ListCasesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @IsOptional()
  @IsUUID()
  bankId?: string;

  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  escalated?: boolean;

  /** `me`: only the cases diagnosed from the caller's own visits (the origin visit's visitor is the caller). */
  @ApiPropertyOptional({ enum: DIAGNOSED_BY })
  @IsOptional()
  @IsIn(DIAGNOSED_BY)
  diagnosedBy?: DiagnosedBy;
}

/** Every action takes an optional `expectedVersion`: the case's `version` as the caller last saw it. */
export class CaseActionDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsNote()
  note?: string;
}

export class DeclineCaseDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsIn(DECLINE_REASONS)
  reason!: DeclineReason;

  /** Required when the reason is `other`. */
  @IsNote()
  text?: string;
}

export class MilestoneDto extends CaseActionDto {
  @IsIn(MILESTONES)
  type!: Milestone;

  /** With `intention`: the amount the bank intends to lend, yuan as a decimal string. */
  @IsOptional()
  @IsMoney({ positive: true })
  intentionAmount?: string;
}

export class LoanContractDto {
  /** The signing bank; your own when left out. */
  @IsOptional()
  @IsUUID()
  bankId?: string;

  @IsMoney({ positive: true })
  amount!: string;

  /** Annual rate in percent, e.g. "3.450". */
  @Matches(/^(?!0+(\.0+)?$)\d{1,2}(\.\d{1,3})?$/u, {
    message: 'annualRatePct must be a decimal string above 0 and below 100 with at most three decimals',
  })
  annualRatePct!: string;

  @IsInt()
  @Min(1)
  @Max(600)
  termMonths!: number;

  @IsIsoDate()
  signedOn!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(64)
  contractNo!: string;
}

export class SignLoansDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LoanContractDto)
  contracts!: LoanContractDto[];
}

export class CloseCaseDto extends CaseActionDto {
  @IsIn(CLOSE_RESOLUTIONS)
  resolution!: CloseResolution;
}

export class ReassignCaseDto extends CaseActionDto {
  @IsUUID()
  bankId!: string;
}

export class ExtendDeadlineDto extends CaseActionDto {
  /** The open obligation to extend; the nearest when left out. */
  @IsOptional()
  @IsIn(OBLIGATIONS)
  obligation?: Obligation;

  /** The new deadline, an ISO 8601 date-time. */
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/T/u, { message: 'until must be a date-time' })
  until!: string;
}

export class NoteDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text!: string;
}
