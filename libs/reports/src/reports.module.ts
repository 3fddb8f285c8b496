import { Module } from '@nestjs/common';
import { ReportRollups } from './rollup-refresh';
import { ReportsService } from './reports.service';

@Module({ providers: [ReportsService, ReportRollups], exports: [ReportsService, ReportRollups] })
export class ReportsModule {}
