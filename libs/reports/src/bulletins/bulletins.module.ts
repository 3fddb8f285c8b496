import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports.module';
import { BulletinComposer } from './bulletin-composer';
import { BulletinQueries } from './bulletin.queries';
import { WriteBulletins } from './write-bulletins.use-case';

/** The daily bulletins (日通报): written by the worker each morning, read through the API. */
@Module({
  imports: [ReportsModule],
  providers: [BulletinComposer, BulletinQueries, WriteBulletins],
  exports: [BulletinQueries, WriteBulletins],
})
export class BulletinsModule {}
