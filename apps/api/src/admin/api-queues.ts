import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { QUEUE_NAMES, queueConnection, settleBeforeClose } from '@unblock/queue';
import { Queue } from 'bullmq';
import { Cluster } from 'ioredis';

/**
 * The queues as the API reads them (Bull Board, the queue depths of the metrics): connected at first use,
 * so a Redis outage never blocks boot, and giving up on a command after one retry instead of waiting for
 * Redis (nothing here blocks on Redis as a worker does). At shutdown each waits for its connection to settle
 * before it closes (`settleBeforeClose`).
 */
@Injectable()
export class ApiQueues implements OnApplicationShutdown {
  readonly all: readonly Queue[];

  constructor(config: AppConfig) {
    this.all = Object.values(QUEUE_NAMES).map(
      (name) =>
        new Queue(name, {
          connection: queueConnection(config, { lazyConnect: true, maxRetriesPerRequest: 1 }),
          prefix: config.queuePrefix,
        }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.all.map(async (queue) => {
        await settleBeforeClose(queue);
        await queue.close();
        // A cluster connection is the queue's own here, and BullMQ leaves one given to it open.
        const connection = queue.opts.connection;
        if (connection instanceof Cluster) connection.disconnect();
      }),
    );
  }
}
