import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import {
  AddNoteUseCase,
  ApproveCaseUseCase,
  CaseCountsResponse,
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
import type { AuditStamp, Page } from '@unblock/database';
import { ROLES, type Actor } from '@unblock/domain';
import { casesTable } from '../exports/cases-export';
import { CsvExport, CurrentActor, Roles, type AuthenticatedRequest } from '@unblock/http';
import { UuidPipe } from '../common/uuid.pipe';
import { WritePipeline } from '../common/write-pipeline.service';
import {
  ApproveCaseDto,
  CaseActionDto,
  CaseFiltersDto,
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

  /**
   * Runs a case action with the request's audit stamp: the action writes its audit record in the statement
   * that writes the case (it writes, or fails and writes nothing), so the write pipeline writes none.
   */
  private async audited(
    request: AuthenticatedRequest,
    action: (audit: AuditStamp) => Promise<CaseResponse>,
  ): Promise<CaseResponse> {
    const answer = await action(this.pipeline.stampOf(request));
    this.pipeline.auditedWithWrite(request);
    return answer;
  }

  @Roles('field_officer', 'bank_manager')
  /**
   * A need diagnosed on a visit. With an `Idempotency-Key`, the need is kept under an intake key made of the
   * user and the key, so that a retry that runs again (its first request's API died) finds it.
   */
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: DiagnoseCaseDto,
    @Headers('idempotency-key') retryKey: string | undefined,
  ): Promise<CaseResponse> {
    const intakeKey =
      retryKey === undefined
        ? undefined
        : createHash('sha256').update(`user:${actor.userId}:${retryKey}`).digest('hex');
    return this.diagnose.execute({ ...dto, actor, intakeKey });
  }

  /** The work queue: most urgent (nearest deadline) first. Also answers `Accept: text/csv`. */
  @Roles(...ROLES)
  @Get()
  @CsvExport((body, context) => casesTable((body as Page<CaseResponse>).items, context))
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQueryDto): Promise<Page<CaseResponse>> {
    return this.cases.list(actor, query);
  }

  /** How many cases the same filters as the list hold, in all and by status (a supervisor's pipeline board). */
  @Get('counts')
  counts(@CurrentActor() actor: Actor, @Query() query: CaseFiltersDto): Promise<CaseCountsResponse> {
    return this.cases.counts(actor, query);
  }

  @Roles(...ROLES)
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
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.routeCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.claimCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/release')
  @HttpCode(200)
  release(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.releaseCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: DeclineCaseDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.declineCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/milestones')
  @HttpCode(200)
  milestones(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: MilestoneDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.milestone.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.pauseCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CaseActionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.resumeCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: ApproveCaseDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.approveCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/loans')
  @HttpCode(200)
  loans(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: SignLoansDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.signLoans.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: CloseCaseDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.closeCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/reassign')
  @HttpCode(200)
  reassign(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: ReassignCaseDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.reassignCase.execute({ ...dto, caseId, actor, audit }));
  }

  @Post(':id/extend')
  @HttpCode(200)
  extend(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: ExtendDeadlineDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) =>
      this.extendDeadline.execute({ ...dto, until: new Date(dto.until), caseId, actor, audit }),
    );
  }

  @Post(':id/notes')
  @HttpCode(200)
  notes(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: NoteDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<CaseResponse> {
    return this.audited(request, (audit) => this.addNote.execute({ ...dto, caseId, actor, audit }));
  }
}
