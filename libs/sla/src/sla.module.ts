import { Module } from '@nestjs/common';
import { CasesModule } from '@unblock/cases';
import { DeadlineBatcher } from './deadline-batcher';
import { MorningDigest } from './digest';
import { EscalationQueries } from './escalation.queries';
import { NotificationQueries } from './notification.queries';
import { Notifier } from './notifier';
import { OutboxRelay } from './outbox-relay';
import { SlaHandlers } from './sla-handlers';
import { SlaSettings } from './calendars';
import { Sweeper } from './sweeper';
import { WebhookSender } from './webhook-sender';

/** What the API reads and writes of the SLA: escalations, inboxes, calendars and policies. */
@Module({
  providers: [EscalationQueries, NotificationQueries, SlaSettings],
  exports: [EscalationQueries, NotificationQueries, SlaSettings],
})
export class SlaReadModule {}

/** What the worker runs: the relay, the handlers, the sweeper, the digest, the webhooks. Needs the queues. */
@Module({
  imports: [CasesModule],
  providers: [DeadlineBatcher, MorningDigest, Notifier, OutboxRelay, SlaHandlers, Sweeper, WebhookSender],
  exports: [DeadlineBatcher, MorningDigest, Notifier, OutboxRelay, SlaHandlers, Sweeper, WebhookSender],
})
export class SlaWorkModule {}
