import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MONTH_PATTERN } from '@unblock/domain';
import { IsMoney, IsUscc, PageQueryDto } from '@unblock/http';

const MONTH_MESSAGE = '$property must be a month written YYYY-MM (e.g. 2025-06)';

/** A bank's balance to one enterprise at a month's end; a second report of the month corrects the first. */
export class ReportLoanBalanceDto {
  /** The enterprise (or give `uscc`). */
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  /** The enterprise's unified social credit code, instead of `enterpriseId`. */
  @IsOptional()
  @IsUscc()
  uscc?: string;

  /** An admin names the reporting bank; a bank manager reports for their own. */
  @IsOptional()
  @IsUUID()
  bankId?: string;

  /** The month, `2025-06`: not one in the future. */
  @IsString()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month!: string;

  /** Yuan, a decimal string, at least zero. */
  @IsMoney()
  balance!: string;

  /** Of which medium- and long-term loans: yuan, at most `balance`. */
  @IsMoney()
  mediumLongBalance!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListLoanBalancesQueryDto extends PageQueryDto {
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string;

  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
