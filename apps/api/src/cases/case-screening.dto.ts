import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, ValidateNested } from 'class-validator';
import { SCREENING_DECISIONS, type ScreeningDecision } from '@unblock/domain';
import { IsNote } from '../common/dto-validators';
import { CaseActionDto } from './cases.dto';

/** One criterion: met or not, with a note. */
export class CriterionCheckDto {
  @IsBoolean()
  met!: boolean;

  @IsNote()
  note?: string;
}

/** The five criteria of a screening, each met or not with a note. */
export class ScreeningCriteriaDto {
  /** 合规持续经营 */
  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionCheckDto)
  compliantOperation!: CriterionCheckDto;

  /** 固定经营场所 */
  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionCheckDto)
  fixedPremises!: CriterionCheckDto;

  /** 真实融资需求 */
  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionCheckDto)
  genuineNeed!: CriterionCheckDto;

  /** 信用状况良好 */
  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionCheckDto)
  goodCredit!: CriterionCheckDto;

  /** 贷款用途依法合规 */
  @IsDefined()
  @ValidateNested()
  @Type(() => CriterionCheckDto)
  lawfulPurpose!: CriterionCheckDto;
}

export class ScreenCaseDto extends CaseActionDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => ScreeningCriteriaDto)
  criteria!: ScreeningCriteriaDto;

  /** `recommend`: every criterion met, routed by "1+2+N" at once; `screen_out`: some criterion not met. */
  @IsIn(SCREENING_DECISIONS)
  decision!: ScreeningDecision;
}
