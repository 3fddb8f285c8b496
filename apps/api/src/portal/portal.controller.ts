import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  ConfirmContactUseCase,
  PortalCaseResponse,
  PortalMeResponse,
  PortalQueries,
  PublishNeedUseCase,
  RateCaseUseCase,
  RequestRenewalUseCase,
  type PortalAccess,
} from '@unblock/cases';
import type { Page } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { Public } from '@unblock/http';
import type { FastifyReply } from 'fastify';
import { IDEMPOTENCY_KEY } from '../common/idempotency.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { PortalAudit } from './portal-audit';
import { RenewalDto } from '../cases/contracts.dto';
import { ContactConfirmationDto, PublishNeedDto, RatingDto } from './portal.dto';
import { CurrentPortalAccess, PortalTokenGuard, type PortalRequest } from './portal-token.guard';

/**
 * The enterprise's own page, without an account: the `X-Portal-Token` header holds its link's token, which
 * reaches that enterprise's needs and nothing else (another enterprise's case answers 404).
 */
@ApiTags('portal')
@ApiHeader({ name: 'X-Portal-Token', required: true, description: 'the token of the enterprise’s link' })
@Public()
@UseGuards(PortalTokenGuard)
@Controller('portal')
export class PortalController {
  constructor(
    private readonly queries: PortalQueries,
    private readonly publishNeed: PublishNeedUseCase,
    private readonly confirmContact: ConfirmContactUseCase,
    private readonly rateCase: RateCaseUseCase,
    private readonly requestRenewal: RequestRenewalUseCase,
    private readonly audit: PortalAudit,
  ) {}

  @Get('me')
  async me(@CurrentPortalAccess() access: PortalAccess, @Req() request: PortalRequest): Promise<PortalMeResponse> {
    return this.audit.record(request, 200, await this.queries.me(access), access.enterpriseId);
  }

  /** The enterprise's needs, newest first (its latest 200, in one page). */
  @Get('cases')
  async cases(
    @CurrentPortalAccess() access: PortalAccess,
    @Req() request: PortalRequest,
  ): Promise<Page<PortalCaseResponse>> {
    const items = await this.queries.cases(access);
    return this.audit.record(request, 200, { items, nextCursor: null }, access.enterpriseId);
  }

  /**
   * Publishes a need: a case of source `enterprise`, routed as its campaign says. A retry with the same
   * `Idempotency-Key` answers the need published first (`Idempotent-Replayed: true`) and writes nothing.
   */
  @Post('cases')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key on a retry publishes once' })
  async publish(
    @CurrentPortalAccess() access: PortalAccess,
    @Body() dto: PublishNeedDto,
    @Headers('idempotency-key') retryKey: string | undefined,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PortalCaseResponse> {
    if (retryKey !== undefined && !IDEMPOTENCY_KEY.test(retryKey)) {
      throw DomainError.invalid('Idempotency-Key', 'must be 1-200 letters, digits, ".", "_", ":" or "-"');
    }
    const published = await this.publishNeed.execute({ ...dto, access, retryKey });
    if (!published.created) void reply.header('Idempotent-Replayed', 'true');
    return this.audit.record(request, 201, published.need, published.need.id);
  }

  /** Whether the bank contacted the enterprise, once; `contacted: false` opens an escalation. */
  @Post('cases/:id/contact-confirmation')
  @HttpCode(200)
  async contact(
    @CurrentPortalAccess() access: PortalAccess,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: ContactConfirmationDto,
    @Req() request: PortalRequest,
  ): Promise<PortalCaseResponse> {
    const answered = await this.confirmContact.execute({ ...dto, access, caseId });
    return this.audit.record(request, 200, answered, caseId);
  }

  /** Rates the service 1–5, once, after the outcome is known. */
  @Post('cases/:id/rating')
  @HttpCode(200)
  async rate(
    @CurrentPortalAccess() access: PortalAccess,
    @Param('id', UuidPipe) caseId: string,
    @Body() dto: RatingDto,
    @Req() request: PortalRequest,
  ): Promise<PortalCaseResponse> {
    const rated = await this.rateCase.execute({ ...dto, access, caseId });
    return this.audit.record(request, 200, rated, caseId);
  }

  /**
   * Applies for the renewal (续贷) of one of the enterprise's loan contracts before it matures: a case of kind
   * `renewal` at the bank that holds the loan. A retry with the same `Idempotency-Key` answers the renewal
   * opened first (`Idempotent-Replayed: true`); another enterprise's contract answers 404.
   */
  @Post('contracts/:id/renewal')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key on a retry applies once' })
  async renewal(
    @CurrentPortalAccess() access: PortalAccess,
    @Param('id', UuidPipe) contractId: string,
    @Body() dto: RenewalDto,
    @Headers('idempotency-key') retryKey: string | undefined,
    @Req() request: PortalRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PortalCaseResponse> {
    if (retryKey !== undefined && !IDEMPOTENCY_KEY.test(retryKey)) {
      throw DomainError.invalid('Idempotency-Key', 'must be 1-200 letters, digits, ".", "_", ":" or "-"');
    }
    const opened = await this.requestRenewal.execute({ ...dto, applicant: { access }, contractId, retryKey });
    if (!opened.created) void reply.header('Idempotent-Replayed', 'true');
    const shown = await this.queries.case(access, opened.case.id);
    if (!shown) throw DomainError.notFound('case');
    return this.audit.record(request, 201, shown, shown.id);
  }
}
