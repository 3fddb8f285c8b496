import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import { EscalationQueries, EscalationResponse } from '@unblock/sla';
import { UuidPipe } from '../common/uuid.pipe';
import { ListEscalationsQueryDto } from './escalations.dto';

/** The supervisors' escalation queue; they resolve escalations through the case actions. */
@ApiTags('escalations')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationQueries) {}

  /** Oldest first. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListEscalationsQueryDto): Promise<Page<EscalationResponse>> {
    return this.escalations.list(actor, query);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EscalationResponse> {
    return this.escalations.acknowledge(actor, id);
  }
}
