import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '@unblock/database';
import { Roles } from '@unblock/http';
import { SlaPolicyResponse, SlaSettings } from '@unblock/sla';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateSlaPolicyDto, ListSlaPoliciesQueryDto, UpdateSlaPolicyDto } from './sla-policies.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly settings: SlaSettings) {}

  @Get()
  list(@Query() query: ListSlaPoliciesQueryDto): Promise<Page<SlaPolicyResponse>> {
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

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateSlaPolicyDto): Promise<SlaPolicyResponse> {
    return this.settings.updatePolicy(id, dto);
  }
}
