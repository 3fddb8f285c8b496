import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import { ChainQueries, CreateChainUseCase, IndustrialChainResponse } from '@unblock/reference-data';
import type { Page } from '@unblock/database';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateChainDto, ListChainsQueryDto } from './industrial-chains.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('industrial-chains')
export class IndustrialChainsController {
  constructor(
    private readonly createChain: CreateChainUseCase,
    private readonly chains: ChainQueries,
  ) {}

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateChainDto): Promise<IndustrialChainResponse> {
    return this.createChain.execute(dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListChainsQueryDto): Promise<Page<IndustrialChainResponse>> {
    return this.chains.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<IndustrialChainResponse> {
    return this.chains.get(actor, id);
  }
}
