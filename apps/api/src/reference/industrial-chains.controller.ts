import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import { ChainQueries, CreateChainUseCase, IndustrialChainResponse, UpdateChainUseCase } from '@unblock/reference-data';
import type { Page } from '@unblock/database';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateChainDto, ListChainsQueryDto, UpdateChainDto } from './industrial-chains.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('industrial-chains')
export class IndustrialChainsController {
  constructor(
    private readonly createChain: CreateChainUseCase,
    private readonly updateChain: UpdateChainUseCase,
    private readonly chains: ChainQueries,
  ) {}

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateChainDto): Promise<IndustrialChainResponse> {
    return this.createChain.execute(dto);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateChainDto): Promise<IndustrialChainResponse> {
    return this.updateChain.execute({ ...dto, id });
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
