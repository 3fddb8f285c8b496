import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseResponse, MaturityCalendarQueries, MaturityCalendarResponse, RequestRenewalUseCase } from '@unblock/cases';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import { UuidPipe } from '../common/uuid.pipe';
import { MaturingQueryDto, RenewalDto } from './contracts.dto';

/** Loan contracts as they fall due: the maturity calendar (到期日历) and renewals (续贷) applied for by staff. */
@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly calendar: MaturityCalendarQueries,
    private readonly requestRenewal: RequestRenewalUseCase,
  ) {}

  /** The contracts maturing in a window (the next 60 days by default): a bank's own, a region's. */
  @Roles('bank_manager', 'field_officer', 'supervisor', 'admin')
  @Get('maturing')
  maturing(@CurrentActor() actor: Actor, @Query() query: MaturingQueryDto): Promise<MaturityCalendarResponse> {
    return this.calendar.calendar(actor, query);
  }

  /**
   * Applies for the renewal of a contract for its enterprise (a field officer or supervisor of its region,
   * or a manager of the bank that holds it): a case of kind `renewal`, assigned at once to that bank. Its
   * `Idempotency-Key` is kept as every staff POST's is.
   */
  @Roles('bank_manager', 'field_officer', 'supervisor')
  @Post(':id/renewal')
  async renewal(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) contractId: string,
    @Body() dto: RenewalDto,
  ): Promise<CaseResponse> {
    return (await this.requestRenewal.execute({ ...dto, applicant: { actor }, contractId })).case;
  }
}
