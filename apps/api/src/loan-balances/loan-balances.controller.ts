import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '@unblock/database';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import { LoanBalanceQueries, ReportLoanBalanceUseCase, type LoanBalanceResponse } from '@unblock/reports';
import type { FastifyReply } from 'fastify';
import { UuidPipe } from '../common/uuid.pipe';
import { ListLoanBalancesQueryDto, ReportLoanBalanceDto } from './loan-balances.dto';

/**
 * Banks' monthly loan balances per enterprise: `POST /loan-balances` reports one (201) or corrects the month's
 * report (200, the next revision); the reads answer the balances in the caller's scope, one with its revisions.
 */
@ApiTags('loan-balances')
@ApiBearerAuth()
@Controller('loan-balances')
export class LoanBalancesController {
  constructor(
    private readonly reportBalance: ReportLoanBalanceUseCase,
    private readonly balances: LoanBalanceQueries,
  ) {}

  @Roles('bank_manager', 'admin')
  @Post()
  async report(
    @CurrentActor() actor: Actor,
    @Body() dto: ReportLoanBalanceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoanBalanceResponse> {
    const result = await this.reportBalance.execute({ ...dto, actor });
    void reply.status(result.created ? 201 : 200);
    return result.balance;
  }

  @Roles('bank_manager', 'supervisor', 'field_officer', 'admin')
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListLoanBalancesQueryDto): Promise<Page<LoanBalanceResponse>> {
    return this.balances.list(actor, query, query);
  }

  @Roles('bank_manager', 'supervisor', 'field_officer', 'admin')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<LoanBalanceResponse> {
    return this.balances.get(actor, id);
  }
}
