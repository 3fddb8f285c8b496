import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '@unblock/database';
import { PageQueryDto, Roles } from '@unblock/http';
import { CalendarResponse, SlaSettings } from '@unblock/sla';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateCalendarDto, UpdateCalendarDto } from './calendars.dto';

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
