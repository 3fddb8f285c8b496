import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type JobName, type JobResult } from '@unblock/queue';
import type { Job } from 'bullmq';
import { BulletinsJob } from '../jobs/bulletins.job';
import { JobRegistry } from '../jobs/job-registry';
import { QUEUE_CONCURRENCY, WorkerScheduling } from '../scheduling/worker-scheduling';

/** The `reports` queue: the morning bulletins. */
@Processor(QUEUE_NAMES.reports, { concurrency: QUEUE_CONCURRENCY.reports })
export class ReportsProcessor extends WorkerHost {
  private readonly registry: JobRegistry;

  constructor(
    private readonly scheduling: WorkerScheduling,
    bulletins: BulletinsJob,
  ) {
    super();
    this.registry = new JobRegistry(QUEUE_NAMES.reports, [bulletins]);
  }

  process(job: Job): Promise<JobResult<JobName>> {
    return this.scheduling.run(job, this.registry);
  }
}
