import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { CurrentActor, PageQueryDto, Roles } from '@unblock/http';
import { NotificationQueries, NotificationResponse } from '@unblock/notifications';
import { CalendarResponse, EscalationQueries, EscalationResponse, SlaPolicyResponse, SlaSettings } from '@unblock/sla';
import { UuidPipe } from '../common/uuid.pipe';
import {
  CreateCalendarDto,
  CreateSlaPolicyDto,
  ListEscalationsQueryDto,
  ListNotificationsQueryDto,
  UpdateCalendarDto,
} from './sla.dto';

/** The supervisors' escalation queue; they resolve escalations through the case actions. */
@ApiTags('escalations')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationQueries) {}

  /** Oldest first. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListEscalationsQueryDto): Promise<Page<EscalationResponse>> {
    return this.escalations.list(actor, query);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EscalationResponse> {
    return this.escalations.acknowledge(actor, id);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationQueries) {}

  /** The caller's in-app inbox: reminders, escalations, digests. */
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

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly settings: SlaSettings) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<CalendarResponse>> {
    return this.settings.listCalendars(query);
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string): Promise<CalendarResponse> {
    return this.settings.getCalendar(id);
  }

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateCalendarDto): Promise<CalendarResponse> {
    return this.settings.createCalendar(dto);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateCalendarDto): Promise<CalendarResponse> {
    return this.settings.updateCalendar(id, dto);
  }
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly settings: SlaSettings) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<SlaPolicyResponse>> {
    return this.settings.listPolicies(query);
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string): Promise<SlaPolicyResponse> {
    return this.settings.getPolicy(id);
  }

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateSlaPolicyDto): Promise<SlaPolicyResponse> {
    return this.settings.createPolicy(dto);
  }
}
