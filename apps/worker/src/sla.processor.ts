import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type DeadlinePayload, type FollowUpPayload, type HandlerResult } from '@unblock/queue';
import { DeadlineBatcher, Limiter, SLA_CONCURRENCY, SLA_JOB_CONCURRENCY, SlaHandlers, Sweeper } from '@unblock/sla';
import type { Job } from 'bullmq';
import { handlerRegistry } from './handler-registry';

/**
 * The `sla` queue: deadlines, their follow-ups, reminders, level-2 escalations and the sweep. Many jobs run
 * at once so that a burst of deadlines reaches the batcher together (one transaction per batch); the
 * follow-ups (a batch's notices and moves to the next tier, the heavier part) one at a time, so that they
 * never hold the next deadlines' escalations back; the other jobs, one transaction each, a few at a time.
 */
/** How long a follow-up gives way to escalations being opened before it runs anyway. */
const FOLLOW_UP_YIELD_MS = 2000;

@Processor(QUEUE_NAMES.sla, { concurrency: SLA_CONCURRENCY })
export class SlaProcessor extends WorkerHost {
  private readonly handlers: (job: Job) => Promise<HandlerResult>;

  constructor(sla: SlaHandlers, batcher: DeadlineBatcher, sweeper: Sweeper) {
    super();
    const limiter = new Limiter(SLA_JOB_CONCURRENCY);
    const followUps = new Limiter(1);
    this.handlers = handlerRegistry(QUEUE_NAMES.sla, {
      deadline: (job: Job) => batcher.deadline(job.data as DeadlinePayload),
      'follow-up': (job: Job) =>
        followUps.run(async () => {
          await batcher.idle(FOLLOW_UP_YIELD_MS);
          return sla.followUp((job.data as FollowUpPayload).obligationIds);
        }),
      reminder: (job: Job) => limiter.run(() => sla.reminder(job.data as DeadlinePayload)),
      'level-two': (job: Job) => limiter.run(() => sla.levelTwoJob(job.data as DeadlinePayload)),
      sweep: () =>
        limiter.run(async () => {
          const report = await sweeper.sweep();
          return report.skipped !== undefined
            ? { skipped: report.skipped }
            : {
                done:
                  `level 1: ${report.escalatedLevelOne}, level 2: ${report.escalatedLevelTwo}, ` +
                  `followed up: ${report.followedUp}, jobs: ${report.jobsEnsured}`,
              };
        }),
    });
  }

  process(job: Job): Promise<HandlerResult> {
    return this.handlers(job);
  }
}
