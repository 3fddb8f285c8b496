import { Module } from '@nestjs/common';
import { ReportRollups } from './report-rollups.service';
import { ReportsReplica } from './reports-replica';
import { ReportsService } from './reports.service';

@Module({
  providers: [ReportsService, ReportRollups, ReportsReplica],
  exports: [ReportsService, ReportRollups, ReportsReplica],
})
export class ReportsModule {}
