import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DomainError, isRegionCode } from '@unblock/domain';
import { Roles } from '@unblock/http';
import { CreateRegionUseCase, RegionQueries, RegionResponse } from '@unblock/reference-data';
import type { Page } from '@unblock/database';
import { CreateRegionDto, ListRegionsQueryDto } from './regions.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(
    private readonly createRegion: CreateRegionUseCase,
    private readonly regions: RegionQueries,
  ) {}

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateRegionDto): Promise<RegionResponse> {
    return this.createRegion.execute(dto);
  }

  @Get()
  list(@Query() query: ListRegionsQueryDto): Promise<Page<RegionResponse>> {
    return this.regions.list(query);
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<RegionResponse> {
    if (!isRegionCode(code)) throw DomainError.invalid('code', 'must be a six-digit GB/T 2260 region code');
    return this.regions.get(code);
  }
}
