import { Injectable, Logger } from '@nestjs/common';
import { JOB_NAMES, type HeartbeatResult, type JobOf } from '@unblock/queue';
import { JobHandler } from './job-handler';

/** Proves the wiring: Redis reached, the queue consumed, the result stored. */
@Injectable()
export class HeartbeatJob extends JobHandler<'heartbeat'> {
  readonly name = JOB_NAMES.heartbeat;
  private readonly logger = new Logger('Heartbeat');

  async handle(job: JobOf<'heartbeat'>): Promise<HeartbeatResult> {
    this.logger.debug(`heartbeat requested at ${job.data.requestedAt}`);
    return { processedAt: new Date().toISOString(), requestedAt: job.data.requestedAt };
  }
}
