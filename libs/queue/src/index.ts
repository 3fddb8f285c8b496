export * from './job-id';
export * from './outbox-messages';
export * from './outbox-relay';
export * from './queue-contracts';
export * from './queue.module';
export * from './redis-connection';
export * from './queue-settle';
