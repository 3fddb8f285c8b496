import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import {
  CreateEnterpriseUseCase,
  EnterpriseQueries,
  EnterpriseResponse,
  UpdateEnterpriseUseCase,
} from '@unblock/reference-data';
import type { Page } from '@unblock/database';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateEnterpriseDto, ListEnterprisesQueryDto, UpdateEnterpriseDto } from './enterprises.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    private readonly createEnterprise: CreateEnterpriseUseCase,
    private readonly updateEnterprise: UpdateEnterpriseUseCase,
    private readonly enterprises: EnterpriseQueries,
  ) {}

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateEnterpriseDto): Promise<EnterpriseResponse> {
    return this.createEnterprise.execute(dto);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateEnterpriseDto): Promise<EnterpriseResponse> {
    return this.updateEnterprise.execute({ ...dto, id });
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListEnterprisesQueryDto): Promise<Page<EnterpriseResponse>> {
    return this.enterprises.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EnterpriseResponse> {
    return this.enterprises.get(actor, id);
  }
}
