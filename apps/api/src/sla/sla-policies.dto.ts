import { PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsSearchText, PageQueryDto } from '@unblock/http';

const DURATION = /^(\d{1,3}BD|P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?)$/u;
const DURATION_MESSAGE = '$property must be business days ("3BD") or an ISO 8601 duration ("PT30S")';

export class CreateSlaPolicyDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsUUID()
  calendarId!: string;

  /** The task force's screening of a submitted need (default 3 business days). */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  screening?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  claim?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  firstContact?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  decision?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  signing?: string;

  /** A repair task of a second diagnosis, when the supervisor names no due date (default 10 business days). */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  repair?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  remindBefore?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  levelTwoAfter?: string;

  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

/**
 * What an admin changes of a policy: any field of its creation. Deadlines already open keep their due time;
 * obligations opened afterwards take the new durations.
 */
export class UpdateSlaPolicyDto extends PartialType(CreateSlaPolicyDto) {}

export class ListSlaPoliciesQueryDto extends PageQueryDto {
  /** Part of the name. */
  @IsOptional()
  @IsSearchText()
  q?: string;
}
