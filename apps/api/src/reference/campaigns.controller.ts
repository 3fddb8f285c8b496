import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import {
  CampaignQueries,
  CampaignResponse,
  CreateCampaignUseCase,
  UpdateCampaignUseCase,
} from '@unblock/reference-data';
import type { Page } from '@unblock/database';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateCampaignDto, ListCampaignsQueryDto, UpdateCampaignDto } from './campaigns.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly campaigns: CampaignQueries,
    private readonly updateCampaign: UpdateCampaignUseCase,
  ) {}

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateCampaignDto): Promise<CampaignResponse> {
    return this.createCampaign.execute(dto);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateCampaignDto): Promise<CampaignResponse> {
    return this.updateCampaign.execute({ ...dto, id });
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListCampaignsQueryDto): Promise<Page<CampaignResponse>> {
    return this.campaigns.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CampaignResponse> {
    return this.campaigns.get(actor, id);
  }
}
