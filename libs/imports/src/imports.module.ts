import { Module } from '@nestjs/common';
import { CasesModule } from '@unblock/cases';
import { ImportRunner } from './import-runner';
import { ImportsHealer } from './imports-healer';
import { ImportsService } from './imports.service';

/** What the API needs: uploads, progress, retries. */
@Module({ providers: [ImportsService], exports: [ImportsService] })
export class ImportsModule {}

/** What the worker runs: the import runs and the healing of lost jobs. Needs the queues. */
@Module({ imports: [CasesModule], providers: [ImportRunner, ImportsHealer], exports: [ImportRunner, ImportsHealer] })
export class ImportsWorkModule {}
