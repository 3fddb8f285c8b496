import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError, type Actor } from '@unblock/domain';
import { CsvExport, CurrentActor, XLSX_TYPE } from '@unblock/http';
import {
  BalanceReport,
  BalanceReports,
  BankFigures,
  ChainFigures,
  RegionFunnel,
  ReportsService,
  SummaryFigures,
} from '@unblock/reports';
import { balancesTable } from '../exports/balances-export';
import { banksTable, chainsTable, regionsTable, summaryTable } from '../exports/reports-export';
import { BalanceReportQueryDto, ReportQueryDto } from './reports.dto';

function checkRange(query: ReportQueryDto): ReportQueryDto {
  if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
    throw DomainError.invalid('to', 'must not be before from');
  }
  return query;
}

/** The campaign dashboards. Each also answers `Accept: text/csv` and the .xlsx type. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv', XLSX_TYPE)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly balanceReports: BalanceReports,
  ) {}

  @Get('summary')
  @CsvExport((body, context) => summaryTable(body as SummaryFigures, context))
  summary(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<SummaryFigures> {
    return this.reports.summary(actor, checkRange(query));
  }

  /** The funnel of each child region of the query's region (else the reader's); none for a bank manager. */
  @Get('regions')
  @CsvExport((body, context) => regionsTable(body as RegionFunnel[], context))
  regions(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<RegionFunnel[]> {
    return this.reports.regions(actor, checkRange(query));
  }

  @Get('chains')
  @CsvExport((body, context) => chainsTable(body as ChainFigures[], context))
  chains(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<ChainFigures[]> {
    return this.reports.chains(actor, checkRange(query));
  }

  @Get('banks')
  @CsvExport((body, context) => banksTable(body as BankFigures[], context))
  banks(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto): Promise<BankFigures[]> {
    return this.reports.banks(actor, checkRange(query));
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
