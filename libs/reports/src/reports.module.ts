import { Module } from '@nestjs/common';
import { BalanceReports, LoanBalanceQueries, ReportLoanBalanceUseCase } from './balances';
import { ReportRollups } from './report-rollups.service';
import { ReportsService } from './reports.service';

@Module({
  providers: [ReportsService, ReportRollups, BalanceReports, LoanBalanceQueries, ReportLoanBalanceUseCase],
  exports: [ReportsService, ReportRollups, BalanceReports, LoanBalanceQueries, ReportLoanBalanceUseCase],
})
export class ReportsModule {}
