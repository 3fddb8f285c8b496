import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, isJobNamed, type JobName, type JobResult } from '@unblock/queue';
import type { Job } from 'bullmq';
import { ImportRunJob } from '../jobs/import-run.job';
import { JobRegistry } from '../jobs/job-registry';
import { QUEUE_CONCURRENCY, WorkerScheduling } from '../scheduling/worker-scheduling';

/** The `imports` queue: one job per run of an import; the run resumes from the import's checkpoint. */
@Processor(QUEUE_NAMES.imports, { concurrency: QUEUE_CONCURRENCY.imports })
export class ImportsProcessor extends WorkerHost {
  private readonly registry: JobRegistry;

  constructor(
    private readonly scheduling: WorkerScheduling,
    private readonly importRun: ImportRunJob,
  ) {
    super();
    this.registry = new JobRegistry(QUEUE_NAMES.imports, [importRun]);
  }

  process(job: Job): Promise<JobResult<JobName>> {
    return this.scheduling.run(job, this.registry);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (job !== undefined && isJobNamed(job, 'import-run')) await this.importRun.failed(job, error);
  }
}
