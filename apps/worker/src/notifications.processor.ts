import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type HandlerResult, type JobPayloads } from '@unblock/queue';
import { MorningDigest, WebhookSender } from '@unblock/sla';
import type { Job } from 'bullmq';
import { handlerRegistry } from './handler-registry';

/** The `notifications` queue: webhook deliveries and the morning digest. */
@Processor(QUEUE_NAMES.notifications, { concurrency: 8 })
export class NotificationsProcessor extends WorkerHost {
  private readonly handlers: (job: Job) => Promise<HandlerResult>;

  constructor(digest: MorningDigest, webhooks: WebhookSender) {
    super();
    this.handlers = handlerRegistry(QUEUE_NAMES.notifications, {
      digest: () => digest.send(),
      webhook: (job: Job) =>
        webhooks.deliver(
          (job.data as JobPayloads['webhook']).deliveryId,
          job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        ),
    });
  }

  process(job: Job): Promise<HandlerResult> {
    return this.handlers(job);
  }
}
