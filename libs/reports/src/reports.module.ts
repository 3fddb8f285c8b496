import { Module } from '@nestjs/common';
import { ReportRollups } from './report-rollups.service';
import { ReportsService } from './reports.service';

@Module({ providers: [ReportsService, ReportRollups], exports: [ReportsService, ReportRollups] })
export class ReportsModule {}
