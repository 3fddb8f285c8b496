export * from './bulletin-notices.service';
export * from './morning-digest.service';
export * from './notification.queries';
export * from './notification.response';
export * from './notifications.module';
export * from './notifier.service';
export * from './recipients';
export * from './webhook-sender.service';
