import { JOB_QUEUE, type HandlerResult, type JobName, type JobResult, type QueueName } from '@unblock/queue';
import type { Job } from 'bullmq';
import type { AnyJobHandler } from './job-handler';

/**
 * The job classes of one queue, checked at boot against the job table: a job name of the queue without a
 * class stops the worker from starting.
 */
export class JobRegistry {
  private readonly handlers: ReadonlyMap<string, AnyJobHandler>;

  constructor(
    readonly queue: QueueName,
    handlers: readonly AnyJobHandler[],
  ) {
    const expected = (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
    const missing = expected.filter((name) => !handlers.some((h) => h.name === name));
    if (missing.length > 0) throw new Error(`queue ${queue} has no job class for ${missing.join(', ')}`);
    this.handlers = new Map(handlers.map((h) => [h.name, h]));
  }

  /** The job's class handles it; a job of no known kind is skipped, not failed. */
  handle(job: Job): Promise<JobResult<JobName>> {
    const unknown: HandlerResult = { skipped: `unknown job ${job.name}` };
    return this.handlers.get(job.name)?.accept(job) ?? Promise.resolve(unknown);
  }
}
