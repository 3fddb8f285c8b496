import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError, type Actor } from '@unblock/domain';
import { CsvExport, CurrentActor, XLSX_TYPE } from '@unblock/http';
import {
  BalanceReport,
  BalanceReports,
  BankFigures,
  ChainFigures,
  LeagueService,
  LeagueTable,
  RegionFunnel,
  ReportsReplica,
  ReportsService,
  SummaryFigures,
} from '@unblock/reports';
import type { FastifyRequest } from 'fastify';
import { noteReadFrom } from './read-from';
import { balancesTable } from '../exports/balances-export';
import { banksTable, chainsTable, regionsTable, summaryTable } from '../exports/reports-export';
import { leagueTable } from '../exports/league-export';
import { BalanceReportQueryDto, LeagueQueryDto, ReportQueryDto } from './reports.dto';

function checkRange(query: ReportQueryDto): ReportQueryDto {
  if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
    throw DomainError.invalid('to', 'must not be before from');
  }
  return query;
}

/**
 * The campaign dashboards. Each also answers `Accept: text/csv` and the .xlsx type, read from the reports
 * replica when there is one and it has caught up (`ReportsReplica`).
 */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv', XLSX_TYPE)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly replica: ReportsReplica,
    private readonly leagues: LeagueService,
    private readonly balanceReports: BalanceReports,
  ) {}

  /** The reports to answer from: the primary's, or, with a replica, where it says (told in the answer's header). */
  private async reader(request: FastifyRequest): Promise<ReportsService> {
    if (!this.replica.configured) return this.reports;
    const { reports, from } = await this.replica.reader();
    noteReadFrom(request, from);
    return reports;
  }

  @Get('summary')
  @CsvExport((body, context) => summaryTable(body as SummaryFigures, context))
  async summary(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<SummaryFigures> {
    return (await this.reader(request)).summary(actor, checkRange(query));
  }

  /** The funnel of each child region of the query's region (else the reader's); none for a bank manager. */
  @Get('regions')
  @CsvExport((body, context) => regionsTable(body as RegionFunnel[], context))
  async regions(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<RegionFunnel[]> {
    return (await this.reader(request)).regions(actor, checkRange(query));
  }

  @Get('chains')
  @CsvExport((body, context) => chainsTable(body as ChainFigures[], context))
  async chains(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ChainFigures[]> {
    return (await this.reader(request)).chains(actor, checkRange(query));
  }

  @Get('banks')
  @CsvExport((body, context) => banksTable(body as BankFigures[], context))
  async banks(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<BankFigures[]> {
    return (await this.reader(request)).banks(actor, checkRange(query));
  }

  /** The child regions, or the banks, ranked on one indicator for a day, week or month, with the change of rank. */
  @Get('league')
  @CsvExport((body, context) => leagueTable(body as LeagueTable, context))
  league(@CurrentActor() actor: Actor, @Query() query: LeagueQueryDto): Promise<LeagueTable> {
    return this.leagues.league(actor, query);
  }

  /**
   * Loan balances at a month's end and their growth since the start of the year and year on year, per chain,
   * chain role, child region, bank, tag, size or term, with each group's share; `series=true` adds the monthly
   * totals of the last 24 months.
   */
  @Get('balances')
  @CsvExport((body, context) => balancesTable(body as BalanceReport, context))
  balances(@CurrentActor() actor: Actor, @Query() query: BalanceReportQueryDto): Promise<BalanceReport> {
    return this.balanceReports.report(actor, query);
  }
}
