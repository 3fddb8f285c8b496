import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type JobName, type JobResult } from '@unblock/queue';
import type { Job } from 'bullmq';
import { JobRegistry } from '../jobs/job-registry';
import { MaturityRemindersJob } from '../jobs/maturity-reminders.job';
import { MorningDigestJob } from '../jobs/morning-digest.job';
import { WebhookJob } from '../jobs/webhook.job';
import { QUEUE_CONCURRENCY, WorkerScheduling } from '../scheduling/worker-scheduling';

/** The `notifications` queue: webhook deliveries, the morning digest and the maturity reminders. */
@Processor(QUEUE_NAMES.notifications, { concurrency: QUEUE_CONCURRENCY.notifications })
export class NotificationsProcessor extends WorkerHost {
  private readonly registry: JobRegistry;

  constructor(
    private readonly scheduling: WorkerScheduling,
    digest: MorningDigestJob,
    maturities: MaturityRemindersJob,
    webhook: WebhookJob,
  ) {
    super();
    this.registry = new JobRegistry(QUEUE_NAMES.notifications, [digest, maturities, webhook]);
  }

  process(job: Job): Promise<JobResult<JobName>> {
    return this.scheduling.run(job, this.registry);
  }
}
