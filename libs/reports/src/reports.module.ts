import { Module } from '@nestjs/common';
import { ReportRollups } from './report-rollups.service';
import { LeagueService } from './league.service';
import { ReportsService } from './reports.service';

@Module({
  providers: [ReportsService, ReportRollups, LeagueService],
  exports: [ReportsService, ReportRollups, LeagueService],
})
export class ReportsModule {}
