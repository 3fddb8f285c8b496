import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AddNoteUseCase,
  ApproveCaseUseCase,
  CaseDetailResponse,
  CaseQueries,
  CaseResponse,
  ClaimCaseUseCase,
  CloseCaseUseCase,
  DeclineCaseUseCase,
  DiagnoseCaseUseCase,
  ExtendDeadlineUseCase,
  PauseCaseUseCase,
  ReassignCaseUseCase,
  RecordMilestoneUseCase,
  ReleaseCaseUseCase,
  ResumeCaseUseCase,
  RouteCaseUseCase,
  SignLoansUseCase,
} from '@unblock/cases';
import type { Page } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { CsvExport, CurrentActor, Roles, type AuthenticatedRequest } from '@unblock/http';
import { UuidPipe } from '../common/uuid.pipe';
import { WritePipeline } from '../common/write-pipeline';
import {
  CaseActionDto,
  CloseCaseDto,
  DeclineCaseDto,
  DiagnoseCaseDto,
  ExtendDeadlineDto,
  ListCasesQueryDto,
  MilestoneDto,
  NoteDto,
  ReassignCaseDto,
  SignLoansDto,
} from './cases.dto';

/**
 * Cases and their lifecycle. Who may take which action from which status is the transitions table in
 * libs/domain; an action out of turn answers 409 with the current status, a case out of sight 404.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly diagnose: DiagnoseCaseUseCase,
    private readonly cases: CaseQueries,
    private readonly routeCase: RouteCaseUseCase,
    private readonly claimCase: ClaimCaseUseCase,
    private readonly releaseCase: ReleaseCaseUseCase,
    private readonly declineCase: DeclineCaseUseCase,
    private readonly milestone: RecordMilestoneUseCase,
    private readonly pauseCase: PauseCaseUseCase,
    private readonly resumeCase: ResumeCaseUseCase,
    private readonly approveCase: ApproveCaseUseCase,
    private readonly signLoans: SignLoansUseCase,
    private readonly closeCase: CloseCaseUseCase,
    private readonly reassignCase: ReassignCaseUseCase,
    private readonly extendDeadline: ExtendDeadlineUseCase,
    private readonly addNote: AddNoteUseCase,
    private readonly pipeline: WritePipeline,
  ) {}

  @Roles('field_officer', 'bank_manager')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: DiagnoseCaseDto): Promise<CaseResponse> {
    return this.diagnose.execute({ ...dto, actor });
  }

  /** The work queue: most urgent (nearest deadline) first. Also answers `Accept: text/csv`. */
  @Get()
  @CsvExport((body) => ({ filename: 'cases', rows: (body as Page<CaseResponse>).items }))
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQueryDto): Promise<Page<CaseResponse>> {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CaseDetailResponse> {
    return this.cases.get(actor, id);
  }

  @Post(':id/route')
  @HttpCode(200)
  route(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
  ): Promise<CaseResponse> {
    return this.routeCase.execute({ ...dto, caseId, actor });
  }

  @Post(':id/claim')
  @HttpCode(200)
  async claim(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    // The claim's audit record is written with the claim, in its statement.
    const claimed = await this.claimCase.execute({ ...dto, caseId, actor, audit: this.pipeline.stampOf(request) });
    this.pipeline.auditedWithWrite(request);
    return claimed;
  }

  @Post(':id/release')
  @HttpCode(200)
  release(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
  ): Promise<CaseResponse> {
    return this.releaseCase.execute({ ...dto, caseId, actor });
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: DeclineCaseDto,
  ): Promise<CaseResponse> {
    return this.declineCase.execute({ ...dto, caseId, actor });
  }

  @Post(':id/milestones')
  @HttpCode(200)
  milestones(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: MilestoneDto,
  ): Promise<CaseResponse> {
    return this.milestone.execute({ ...dto, caseId, actor });
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
  ): Promise<CaseResponse> {
    return this.pauseCase.execute({ ...dto, caseId, actor });
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
  ): Promise<CaseResponse> {
    return this.resumeCase.execute({ ...dto, caseId, actor });
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
  ): Promise<CaseResponse> {
    return this.approveCase.execute({ ...dto, caseId, actor });
  }

  @Post(':id/loans')
  @HttpCode(200)
  loans(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: SignLoansDto,
  ): Promise<CaseResponse> {
    return this.signLoans.execute({ ...dto, caseId, actor });
  }

  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CloseCaseDto,
  ): Promise<CaseResponse> {
    return this.closeCase.execute({ ...dto, caseId, actor });
  }

  @Post(':id/reassign')
  @HttpCode(200)
  reassign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: ReassignCaseDto,
  ): Promise<CaseResponse> {
    return this.reassignCase.execute({ ...dto, caseId, actor });
  }

  @Post(':id/extend')
  @HttpCode(200)
  extend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: ExtendDeadlineDto,
  ): Promise<CaseResponse> {
    return this.extendDeadline.execute({ ...dto, until: new Date(dto.until), caseId, actor });
  }

  @Post(':id/notes')
  @HttpCode(200)
  notes(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: NoteDto,
  ): Promise<CaseResponse> {
    return this.addNote.execute({ ...dto, caseId, actor });
  }
}
