import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { redisClient } from '@unblock/queue';
import type { Cluster, Redis } from 'ioredis';

/** The API's own Redis connection (health checks). Lazy, so a Redis outage never blocks boot. */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly redis: Redis | Cluster;

  constructor(config: AppConfig) {
    this.redis = redisClient(config, { lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
