import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { IsMoney, IsRegionCode } from '@unblock/http';
import { IsIsoDate, IsNote } from '../common/dto-validators';

/** An application for the renewal (续贷) of a loan contract. */
export class RenewalDto {
  /** Yuan, a decimal string with at most two decimals; the contract's amount when left out. */
  @IsOptional()
  @IsMoney({ positive: true })
  requestedAmount?: string;

  /** Asks for a renewal without repayment of the principal (无还本续贷); false when left out. */
  @IsOptional()
  @IsBoolean()
  withoutRepayment?: boolean;

  @IsNote()
  note?: string;
}

/** The window and scope of the maturity calendar. */
export class MaturingQueryDto {
  /** The first maturity date shown (YYYY-MM-DD); today when left out. */
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** The last maturity date shown (YYYY-MM-DD); 60 days after `from` when left out. */
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @IsOptional()
  @IsUUID()
  bankId?: string;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}
