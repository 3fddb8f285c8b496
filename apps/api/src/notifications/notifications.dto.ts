import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@unblock/database';
import { PageQueryDto } from '@unblock/http';
import { toBoolean } from '../common/dto-validators';

export class ListNotificationsQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;
}
