import { JOB_QUEUE, type HandlerResult, type JobName, type QueueName } from '@unblock/queue';
import type { Job } from 'bullmq';

type Handler = (job: Job) => Promise<HandlerResult>;

/**
 * The handlers of one queue, checked at boot against the job table: a job name of the queue without a
 * handler stops the worker from starting. An unknown job at run time is skipped, not failed.
 */
export function handlerRegistry(
  queue: QueueName,
  handlers: Partial<Record<JobName, Handler>>,
): (job: Job) => Promise<HandlerResult> {
  const expected = (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
  const missing = expected.filter((name) => handlers[name] === undefined);
  if (missing.length > 0) throw new Error(`queue ${queue} has no handler for ${missing.join(', ')}`);
  return async (job) => {
    const handler = handlers[job.name as JobName];
    return handler ? handler(job) : { skipped: `unknown job ${job.name}` };
  };
}
