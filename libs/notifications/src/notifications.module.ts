import { Module } from '@nestjs/common';
import { BulletinNotices } from './bulletin-notices.service';
import { MorningDigest } from './morning-digest.service';
import { NotificationQueries } from './notification.queries';
import { Notifier } from './notifier.service';
import { WebhookSender } from './webhook-sender.service';

/** The in-app inbox, webhooks, the morning digest and the bulletins' notices. */
@Module({
  providers: [BulletinNotices, MorningDigest, NotificationQueries, Notifier, WebhookSender],
  exports: [BulletinNotices, MorningDigest, NotificationQueries, Notifier, WebhookSender],
})
export class NotificationsModule {}
