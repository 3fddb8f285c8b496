import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordedVisitResponse, RecordVisitUseCase, VisitQueries, VisitResponse } from '@unblock/cases';
import type { Page } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles, type AuthenticatedRequest } from '@unblock/http';
import type { FastifyReply } from 'fastify';
import { UuidPipe } from '../common/uuid.pipe';
import { WritePipeline } from '../common/write-pipeline.service';
import { ListVisitsQueryDto, RecordVisitDto } from './visits.dto';

@ApiTags('visits')
@ApiBearerAuth()
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly recordVisit: RecordVisitUseCase,
    private readonly visits: VisitQueries,
    private readonly pipeline: WritePipeline,
  ) {}

  /** 201 for a new visit; 200 with the first visit when `clientRef` was used before by the same visitor. */
  @Roles('field_officer', 'bank_manager')
  @Post()
  async record(
    @CurrentActor() actor: Actor,
    @Body() dto: RecordVisitDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordedVisitResponse> {
    // A new visit's audit record is written with the visit, in its statement.
    const result = await this.recordVisit.execute({ ...dto, actor, audit: this.pipeline.stampOf(request) });
    if (result.audited) this.pipeline.auditedWithWrite(request);
    void reply.status(result.replayed ? 200 : 201);
    return result.visit;
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListVisitsQueryDto): Promise<Page<VisitResponse>> {
    return this.visits.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<VisitResponse> {
    return this.visits.get(actor, id);
  }
}
