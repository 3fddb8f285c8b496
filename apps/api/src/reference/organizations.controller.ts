import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@unblock/http';
import {
  CreateOrganizationUseCase,
  OrganizationQueries,
  OrganizationResponse,
  UpdateOrganizationUseCase,
} from '@unblock/reference-data';
import type { Page } from '@unblock/database';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateOrganizationDto, ListOrganizationsQueryDto, UpdateOrganizationDto } from './organizations.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly organizations: OrganizationQueries,
    private readonly updateOrganization: UpdateOrganizationUseCase,
  ) {}

  @Roles('admin')
  @Patch(':id')
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    return this.updateOrganization.execute({ ...dto, id });
  }

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.createOrganization.execute(dto);
  }

  @Get()
  list(@Query() query: ListOrganizationsQueryDto): Promise<Page<OrganizationResponse>> {
    return this.organizations.list(query);
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string): Promise<OrganizationResponse> {
    return this.organizations.get(id);
  }
}
