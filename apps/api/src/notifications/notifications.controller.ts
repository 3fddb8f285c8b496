import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '@unblock/database';
import { ROLES, type Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import { NotificationQueries, NotificationResponse } from '@unblock/notifications';
import { UuidPipe } from '../common/uuid.pipe';
import { ListNotificationsQueryDto } from './notifications.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...ROLES)
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationQueries) {}

  /** The caller's in-app inbox: reminders, escalations, digests, newest first (the cursor walks to older ones). */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQueryDto): Promise<Page<NotificationResponse>> {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<NotificationResponse> {
    return this.notifications.markRead(actor, id);
  }
}
