import { Module } from '@nestjs/common';
import { MorningDigest } from './morning-digest.service';
import { NotificationQueries } from './notification.queries';
import { Notifier } from './notifier.service';
import { WebhookSender } from './webhook-sender.service';

/** The in-app inbox, webhooks and the morning digest. */
@Module({
  providers: [MorningDigest, NotificationQueries, Notifier, WebhookSender],
  exports: [MorningDigest, NotificationQueries, Notifier, WebhookSender],
})
export class NotificationsModule {}
