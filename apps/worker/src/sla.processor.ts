import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type DeadlinePayload, type HandlerResult } from '@unblock/queue';
import { SlaHandlers, Sweeper } from '@unblock/sla';
import type { Job } from 'bullmq';
import { handlerRegistry } from './handler-registry';

/** The `sla` queue: deadlines, reminders, level-2 escalations and the sweep. */
@Processor(QUEUE_NAMES.sla, { concurrency: 8 })
export class SlaProcessor extends WorkerHost {
  private readonly handlers: (job: Job) => Promise<HandlerResult>;

  constructor(sla: SlaHandlers, sweeper: Sweeper) {
    super();
    this.handlers = handlerRegistry(QUEUE_NAMES.sla, {
      deadline: (job: Job) => sla.deadline(job.data as DeadlinePayload),
      reminder: (job: Job) => sla.reminder(job.data as DeadlinePayload),
      'level-two': (job: Job) => sla.levelTwoJob(job.data as DeadlinePayload),
      sweep: async () => {
        const report = await sweeper.sweep();
        return report.skipped !== undefined
          ? { skipped: report.skipped }
          : {
              done: `level 1: ${report.escalatedLevelOne}, level 2: ${report.escalatedLevelTwo}, jobs: ${report.jobsEnsured}`,
            };
      },
    });
  }

  process(job: Job): Promise<HandlerResult> {
    return this.handlers(job);
  }
}
