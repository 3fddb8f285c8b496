import { Body, Controller, Delete, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateEnterpriseLinkUseCase,
  EnterpriseLinkCreatedResponse,
  EnterpriseLinkQueries,
  EnterpriseLinkResponse,
  RevokeEnterpriseLinkUseCase,
} from '@unblock/cases';
import { AppConfig } from '@unblock/config';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles, type AuthenticatedRequest } from '@unblock/http';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateEnterpriseLinkDto } from './enterprise-links.dto';

/** Where the console is reached, for the link's URL: `PUBLIC_URL`, else the request's scheme and host. */
function originOf(config: AppConfig, request: AuthenticatedRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** An enterprise's links to its own page, kept by officers, supervisors and admins whose region covers it. */
@ApiTags('enterprise links')
@ApiBearerAuth()
@Roles('admin', 'field_officer', 'supervisor')
@Controller('enterprises/:id/links')
export class EnterpriseLinksController {
  constructor(
    private readonly createLink: CreateEnterpriseLinkUseCase,
    private readonly revokeLink: RevokeEnterpriseLinkUseCase,
    private readonly links: EnterpriseLinkQueries,
    private readonly config: AppConfig,
  ) {}

  /** A new link (its URL and QR code, answered once); the live one is revoked. */
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) enterpriseId: string,
    @Body() dto: CreateEnterpriseLinkDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<EnterpriseLinkCreatedResponse> {
    return this.createLink.execute({ ...dto, actor, enterpriseId, origin: originOf(this.config, request) });
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) enterpriseId: string): Promise<EnterpriseLinkResponse[]> {
    return this.links.list(actor, enterpriseId);
  }

  @Delete(':linkId')
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) enterpriseId: string,
    @Param('linkId', UuidPipe) linkId: string,
  ): Promise<EnterpriseLinkResponse> {
    return this.revokeLink.execute({ actor, enterpriseId, linkId });
  }
}
