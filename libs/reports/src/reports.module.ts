import { Module } from '@nestjs/common';
import { BalanceReports, LoanBalanceQueries, ReportLoanBalanceUseCase } from './balances';
import { ReportRollups } from './report-rollups.service';
import { LeagueService } from './league.service';
import { ReportsReplica } from './reports-replica';
import { ReportsService } from './reports.service';

@Module({
  providers: [
    ReportsService,
    ReportRollups,
    ReportsReplica,
    LeagueService,
    BalanceReports,
    LoanBalanceQueries,
    ReportLoanBalanceUseCase,
  ],
  exports: [
    ReportsService,
    ReportRollups,
    ReportsReplica,
    LeagueService,
    BalanceReports,
    LoanBalanceQueries,
    ReportLoanBalanceUseCase,
  ],
})
export class ReportsModule {}
