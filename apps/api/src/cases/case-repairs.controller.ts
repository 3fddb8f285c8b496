import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CompleteRepairUseCase, OpenRepairUseCase, RepairQueries, RepairTaskResponse } from '@unblock/cases';
import type { Page } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles, type AuthenticatedRequest } from '@unblock/http';
import { UuidPipe } from '../common/uuid.pipe';
import { WritePipeline } from '../common/write-pipeline.service';
import { CompleteRepairDto, ListRepairsQueryDto, OpenRepairDto } from './case-repairs.dto';

/**
 * Repairable declines (二次诊断): a supervisor opens repair tasks on a case in its second diagnosis; the
 * partner officers of each task's organization (a government department, a guarantee institution) see their
 * tasks and close them. The supervisors' queue of cases waiting for a repair is `GET /cases?status=repairing`.
 */
@ApiTags('repairs')
@ApiBearerAuth()
@Controller()
export class CaseRepairsController {
  constructor(
    private readonly openRepair: OpenRepairUseCase,
    private readonly completeRepair: CompleteRepairUseCase,
    private readonly repairs: RepairQueries,
    private readonly pipeline: WritePipeline,
  ) {}

  /** Opens a repair task; who may is the transitions table's (supervisors), on a case in `repairing`. */
  @Post('cases/:id/repairs')
  async open(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: OpenRepairDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<RepairTaskResponse> {
    const answer = await this.openRepair.execute({ ...dto, caseId, actor, audit: this.pipeline.stampOf(request) });
    this.pipeline.auditedWithWrite(request);
    return answer;
  }

  /** The repair tasks the caller may see: a partner officer's organization's, a supervisor's region's. */
  @Roles('partner_officer', 'supervisor', 'admin')
  @Get('repairs')
  list(@CurrentActor() actor: Actor, @Query() query: ListRepairsQueryDto): Promise<Page<RepairTaskResponse>> {
    return this.repairs.list(actor, query, query);
  }

  /** Closes a repair task as `repaired` (the case goes back to the bank that declined) or `not_repairable`. */
  @Roles('partner_officer', 'supervisor', 'admin')
  @Post('repairs/:id/complete')
  @HttpCode(200)
  async complete(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) taskId: string,
    @Body() dto: CompleteRepairDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<RepairTaskResponse> {
    const answer = await this.completeRepair.execute({ ...dto, taskId, actor, audit: this.pipeline.stampOf(request) });
    this.pipeline.auditedWithWrite(request);
    return answer;
  }
}
