import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type JobName, type JobResult } from '@unblock/queue';
import type { Job } from 'bullmq';
import { HeartbeatJob } from '../jobs/heartbeat.job';
import { JobRegistry } from '../jobs/job-registry';
import { QUEUE_CONCURRENCY, WorkerScheduling } from '../scheduling/worker-scheduling';

/** The `system` queue: the heartbeat. */
@Processor(QUEUE_NAMES.system, { concurrency: QUEUE_CONCURRENCY.system })
export class SystemProcessor extends WorkerHost {
  private readonly registry: JobRegistry;

  constructor(
    private readonly scheduling: WorkerScheduling,
    heartbeat: HeartbeatJob,
  ) {
    super();
    this.registry = new JobRegistry(QUEUE_NAMES.system, [heartbeat]);
  }

  process(job: Job): Promise<JobResult<JobName>> {
    return this.scheduling.run(job, this.registry);
  }
}
