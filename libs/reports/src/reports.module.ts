import { Module } from '@nestjs/common';
import { ReportRollups } from './report-rollups.service';
import { LeagueService } from './league.service';
import { ReportsReplica } from './reports-replica';
import { ReportsService } from './reports.service';

@Module({
  providers: [ReportsService, ReportRollups, ReportsReplica, LeagueService],
  exports: [ReportsService, ReportRollups, ReportsReplica, LeagueService],
})
export class ReportsModule {}
