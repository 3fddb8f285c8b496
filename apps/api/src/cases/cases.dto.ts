import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
  CASE_KINDS,
  CASE_PRIORITIES,
  CASE_SOURCES,
  CASE_STATUSES,
  CLOSE_RESOLUTIONS,
  DECLINE_REASON_CODE,
  GUARANTEE_FEE_RATE_PATTERN,
  LOAN_RENEWALS,
  LOAN_SECURITIES,
  MILESTONES,
  OBLIGATIONS,
  POLICY_INSTRUMENTS,
  PURPOSES,
  TERMS,
  type Bottleneck,
  type CaseKind,
  type CasePriority,
  type CaseSource,
  type CaseStatus,
  type CloseResolution,
  type LoanRenewal,
  type LoanSecurity,
  type Milestone,
  type Obligation,
  type PolicyInstrument,
  type Purpose,
  type Term,
} from '@unblock/domain';
import { INT4_MAX, IsMoney, PageQueryDto } from '@unblock/http';
import { CASE_SORTS, DIAGNOSED_BY, type CaseSort, type DiagnosedBy } from '@unblock/cases';
import { IsIsoDate, IsNote, toBoolean, trimmed } from '../common/dto-validators';

/** What a need says, however it came: amount, purpose, term, bottlenecks and a note (staff's and the enterprise's). */
export class NeedFieldsDto {
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
}

/**
 * `POST /cases`: a need from a visit (`visitId`; `source` may be left out), or from a phone call or a list
 * (`source: phone | list` with `enterpriseId` and `campaignId`, no visit). `enterprise` is published on the
 * enterprise's own page, never here.
 */
export class DiagnoseCaseDto extends NeedFieldsDto {
  @ApiPropertyOptional({ enum: CASE_SOURCES })
  @IsOptional()
  @IsIn(CASE_SOURCES)
  source?: CaseSource;

  /** The visit the need was found on (source `visit`). */
  @IsOptional()
  @IsUUID()
  visitId?: string;

  /** The enterprise of a need from a phone call or a list. */
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  /** The campaign (专项行动) of a need from a phone call or a list. */
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @IsOptional()
  @IsIn(CASE_PRIORITIES)
  priority?: CasePriority;

  /** false: leave the case diagnosed, to route later with POST /cases/:id/route. */
  @IsOptional()
  @IsBoolean()
  route?: boolean;
}

/** The filters of the case list, which its counts take too. */
export class CaseFiltersDto {
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  /** `need`: financing needs only; `renewal`: renewals (续贷) only. */
  @ApiPropertyOptional({ enum: CASE_KINDS })
  @IsOptional()
  @IsIn(CASE_KINDS)
  kind?: CaseKind;

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

  /** Part of the case number, of the enterprise's name or of its unified social credit code (1 to 100 characters). */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

export class ListCasesQueryDto extends IntersectionType(PageQueryDto, CaseFiltersDto) {
  /** `dueAt`: the nearest deadline first (default, the work queue); `amount`: the largest need first; `updated`: the latest change first. */
  @ApiPropertyOptional({ enum: CASE_SORTS })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;
}

/** Every action takes an optional `expectedVersion`: the case's `version` as the caller last saw it. */
export class CaseActionDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  expectedVersion?: number;

  @IsNote()
  note?: string;
}

/** `POST /cases/:id/approve`: the credit approved (授信金额) and a note, both optional; the case must have been contacted. */
export class ApproveCaseDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  /** The amount approved, yuan as a decimal string. */
  @IsOptional()
  @IsMoney({ positive: true })
  approvedAmount?: string;

  @IsNote()
  note?: string;
}

export class DeclineCaseDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  expectedVersion?: number;

  /** A code of the decline-reason catalogue (`GET /decline-reasons`). */
  @Matches(DECLINE_REASON_CODE, { message: 'reason must be a code of the decline-reason catalogue' })
  reason!: string;

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

  /** When the loan falls due: after the signing date. */
  @IsOptional()
  @IsIsoDate()
  maturesOn?: string;

  /** The bank's word that this is the enterprise's first loan from any bank (首贷); false when left out. */
  @IsOptional()
  @IsBoolean()
  firstLoan?: boolean;

  /** credit (no collateral, no guarantee), collateral, or guarantee (with its institution and fee rate). */
  @IsOptional()
  @IsIn(LOAN_SECURITIES)
  security?: LoanSecurity;

  /** The guarantee institution (an organization of kind guarantee_institution) of a guaranteed loan. */
  @IsOptional()
  @IsUUID()
  guaranteeInstitutionId?: string;

  /** The guarantee fee rate of a guaranteed loan in percent a year, from "0" to "10", e.g. "0.800". */
  @IsOptional()
  @Matches(GUARANTEE_FEE_RATE_PATTERN, {
    message: 'guaranteeFeeRatePct must be a decimal string from 0 to 10 with at most three decimals',
  })
  guaranteeFeeRatePct?: string;

  /** none when left out; on a renewal case (续贷), the renewal it asked for. */
  @IsOptional()
  @IsIn(LOAN_RENEWALS)
  renewal?: LoanRenewal;

  /** The policy instruments the loan draws on, each at most once. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POLICY_INSTRUMENTS.length)
  @ArrayUnique()
  @IsIn(POLICY_INSTRUMENTS, { each: true })
  policyInstruments?: PolicyInstrument[];
}

export class SignLoansDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
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
  @Max(INT4_MAX)
  expectedVersion?: number;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text!: string;
}
