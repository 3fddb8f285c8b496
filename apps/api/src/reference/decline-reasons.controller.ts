import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '@unblock/database';
import { PageQueryDto, Roles } from '@unblock/http';
import {
  CreateDeclineReasonUseCase,
  DeclineReasonQueries,
  DeclineReasonResponse,
  UpdateDeclineReasonUseCase,
} from '@unblock/reference-data';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateDeclineReasonDto, UpdateDeclineReasonDto } from './decline-reasons.dto';

/** The decline-reason catalogue: everyone reads it, admins keep it. */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('decline-reasons')
export class DeclineReasonsController {
  constructor(
    private readonly reasons: DeclineReasonQueries,
    private readonly createReason: CreateDeclineReasonUseCase,
    private readonly updateReason: UpdateDeclineReasonUseCase,
  ) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<DeclineReasonResponse>> {
    return this.reasons.list(query);
  }

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateDeclineReasonDto): Promise<DeclineReasonResponse> {
    return this.createReason.execute(dto);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateDeclineReasonDto): Promise<DeclineReasonResponse> {
    return this.updateReason.execute({ ...dto, id });
  }
}
