import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ESCALATION_STATUSES, type EscalationLevel, type EscalationStatus } from '@unblock/domain';
import { NOTIFICATION_KINDS, type NotificationKind } from '@unblock/database';
import { IsRegionCode, PageQueryDto } from '@unblock/http';

const DURATION = /^(\d{1,3}BD|P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?)$/u;
const DURATION_MESSAGE = '$property must be business days ("3BD") or an ISO 8601 duration ("PT30S")';
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/u.test(value) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

function IsDateList(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(1000)(target, key);
    Matches(/^\d{4}-\d{2}-\d{2}$/u, { each: true, message: `each of ${String(key)} must be a date (YYYY-MM-DD)` })(
      target,
      key,
    );
    IsDateString({ strict: true }, { each: true })(target, key);
  };
}

export class ListEscalationsQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(toInt)
  @IsIn([1, 2])
  level?: EscalationLevel;

  @IsOptional()
  @IsIn(ESCALATION_STATUSES)
  status?: EscalationStatus;

  @IsOptional()
  @IsUUID()
  bankId?: string;

  @IsOptional()
  @IsUUID()
  chainId?: string;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}

export class ListNotificationsQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;
}

export class CreateCalendarDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsDateList()
  holidays?: string[];

  @IsDateList()
  workdays?: string[];
}

export class UpdateCalendarDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @IsDateList()
  holidays?: string[];

  @IsDateList()
  workdays?: string[];
}

export class CreateSlaPolicyDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsUUID()
  calendarId!: string;

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
