import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { redisOptions } from '@unblock/queue';
import Redis from 'ioredis';

/** The API's own Redis connection (health checks). Lazy, so a Redis outage never blocks boot. */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly redis: Redis;

  constructor(config: AppConfig) {
    this.redis = new Redis({ ...redisOptions(config.redisUrl), lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
