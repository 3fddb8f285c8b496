import { Injectable } from '@nestjs/common';
import { WebhookSender } from '@unblock/notifications';
import { JOB_NAMES, type HandlerResult, type JobOf } from '@unblock/queue';
import { JobHandler } from './job-handler';

/** One webhook delivery; retried with backoff, marked failed on its last attempt. */
@Injectable()
export class WebhookJob extends JobHandler<'webhook'> {
  readonly name = JOB_NAMES.webhook;

  constructor(private readonly webhooks: WebhookSender) {
    super();
  }

  handle(job: JobOf<'webhook'>): Promise<HandlerResult> {
    return this.webhooks.deliver(job.data.deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
