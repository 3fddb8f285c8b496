import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JOB_NAMES, QUEUE_NAMES, type JobPayloads, type JobResults } from '@unblock/queue';
import type { Job } from 'bullmq';

/** Proves the wiring: Redis reached, the queue consumed, the result stored. */
@Processor(QUEUE_NAMES.system)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger('SystemProcessor');

  async process(job: Job<JobPayloads['heartbeat']>): Promise<JobResults['heartbeat'] | { skipped: string }> {
    if (job.name !== JOB_NAMES.heartbeat) return { skipped: `unknown job ${job.name}` };
    const processedAt = new Date().toISOString();
    this.logger.debug(`heartbeat requested at ${job.data.requestedAt}`);
    return { processedAt, requestedAt: job.data.requestedAt };
  }
}
