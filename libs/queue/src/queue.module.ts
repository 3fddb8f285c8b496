import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { Cluster } from 'ioredis';
import { DEFAULT_JOB_OPTIONS, QUEUE_NAMES } from './queue-contracts';
import { queueConnection } from './redis-connection';

/** The cluster connections the queues of this process share (BullMQ leaves a shared connection open). */
const shared = new Set<Cluster>();

/**
 * BullMQ on the configured Redis (one server, or a Redis Cluster under a hash-tagged prefix), under the
 * configured key prefix, with every queue registered.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QUEUE_NAMES).map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const connection = queueConnection(config);
            if (connection instanceof Cluster) shared.add(connection);
            return { connection, prefix: config.queuePrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
          },
        }),
        queues,
      ],
      exports: [queues],
    };
  }

  /** After the queues and workers closed (their module shuts down first): the shared cluster connection. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...shared].map((cluster) => cluster.quit().catch(() => cluster.disconnect())));
    shared.clear();
  }
}
