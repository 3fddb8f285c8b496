import { Injectable } from '@nestjs/common';
import { ImportRunner } from '@unblock/imports';
import { JOB_NAMES, type HandlerResult, type JobOf } from '@unblock/queue';
import { JobHandler } from './job-handler';

/** One run of a bulk import, resumed from its checkpoint. */
@Injectable()
export class ImportRunJob extends JobHandler<'import-run'> {
  readonly name = JOB_NAMES.importRun;

  constructor(private readonly runner: ImportRunner) {
    super();
  }

  handle(job: JobOf<'import-run'>): Promise<HandlerResult> {
    return this.runner.run(job.data.importId, job.data.run);
  }

  /** The last attempt failed: the import fails, keeping its committed batches for a retry. */
  async failed(job: JobOf<'import-run'>, error: Error): Promise<void> {
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.runner
      .fail(job.data.importId, job.data.run, `the import stopped: ${error.message}`)
      .catch(() => undefined);
  }
}
