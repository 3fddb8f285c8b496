import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseResponse, ScreenCaseUseCase } from '@unblock/cases';
import type { Actor } from '@unblock/domain';
import { CurrentActor, type AuthenticatedRequest } from '@unblock/http';
import { UuidPipe } from '../common/uuid.pipe';
import { WritePipeline } from '../common/write-pipeline.service';
import { ScreenCaseDto } from './case-screening.dto';

/**
 * The screening of submitted needs (申报清单 → 推荐清单) by the task force whose region covers them: the
 * queue is `GET /cases?status=submitted`. Who may screen is the transitions table's; a case out of sight is 404.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseScreeningController {
  constructor(
    private readonly screenCase: ScreenCaseUseCase,
    private readonly pipeline: WritePipeline,
  ) {}

  @Post(':id/screen')
  @HttpCode(200)
  async screen(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: ScreenCaseDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    const answer = await this.screenCase.execute({
      ...dto,
      caseId,
      actor,
      audit: this.pipeline.stampOf(request),
    });
    this.pipeline.auditedWithWrite(request);
    return answer;
  }
}
