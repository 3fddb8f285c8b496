import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type JobName, type JobResult } from '@unblock/queue';
import type { Job } from 'bullmq';
import { DeadlineJob } from '../jobs/deadline.job';
import { FollowUpJob } from '../jobs/follow-up.job';
import { JobRegistry } from '../jobs/job-registry';
import { LevelTwoJob } from '../jobs/level-two.job';
import { ReminderJob } from '../jobs/reminder.job';
import { SweepJob } from '../jobs/sweep.job';
import { QUEUE_CONCURRENCY, WorkerScheduling } from '../scheduling/worker-scheduling';

/** The `sla` queue: deadlines, their follow-ups, reminders, level-2 escalations and the sweep. */
@Processor(QUEUE_NAMES.sla, { concurrency: QUEUE_CONCURRENCY.sla })
export class SlaProcessor extends WorkerHost {
  private readonly registry: JobRegistry;

  constructor(
    private readonly scheduling: WorkerScheduling,
    deadline: DeadlineJob,
    followUp: FollowUpJob,
    reminder: ReminderJob,
    levelTwo: LevelTwoJob,
    sweep: SweepJob,
  ) {
    super();
    this.registry = new JobRegistry(QUEUE_NAMES.sla, [deadline, followUp, reminder, levelTwo, sweep]);
  }

  process(job: Job): Promise<JobResult<JobName>> {
    return this.scheduling.run(job, this.registry);
  }
}
