import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { Clock, WEEKENDS_ONLY, localDate } from '@unblock/domain';
import { JOB_NAMES, QUEUE_NAMES, SCHEDULER_KEYS, jobIdOf } from '@unblock/queue';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';

/**
 * The schedulers (heartbeat, the sweep, the morning digest at 08:00 and the bulletins at 07:30 Shanghai
 * time), under fixed keys so restarts never add another; at start, the morning's bulletins are caught up
 * (a job named by the day: written already, it writes nothing). Redis may lose them with everything else, so they are upserted again every
 * sweep interval, and at once when the worker sees Redis lost its keys (`RedisLossLoop`); at boot, a
 * warning unless Redis keeps keys under memory pressure (`noeviction`).
 */
@Injectable()
export class WorkerBootstrapService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue(QUEUE_NAMES.system) private readonly system: Queue,
    @InjectQueue(QUEUE_NAMES.sla) private readonly sla: Queue,
    @InjectQueue(QUEUE_NAMES.notifications) private readonly notifications: Queue,
    @InjectQueue(QUEUE_NAMES.reports) private readonly reports: Queue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const client = (await this.system.client) as unknown as Redis;
    const policy = (await client.config('GET', 'maxmemory-policy')) as string[];
    if (policy[1] !== 'noeviction') {
      this.logger.warn(
        `Redis maxmemory-policy is ${policy[1] ?? 'unknown'}: set it to noeviction, or Redis may drop queued jobs`,
      );
    }
    await this.ensureSchedulers();
    const on = localDate(this.clock.now(), WEEKENDS_ONLY);
    await this.reports.add(JOB_NAMES.bulletins, { on }, { jobId: jobIdOf(JOB_NAMES.bulletins, { on }) });
    this.timer = setInterval(() => {
      this.ensureSchedulers().catch((error: unknown) =>
        this.logger.error({ err: error }, 'could not upsert the job schedulers; trying again'),
      );
    }, this.config.worker.sweepIntervalMs);
    this.logger.log('worker ready');
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async ensureSchedulers(): Promise<void> {
    await this.system.upsertJobScheduler(
      SCHEDULER_KEYS.heartbeat,
      { every: 60_000 },
      { name: JOB_NAMES.heartbeat, data: { requestedAt: new Date().toISOString() } },
    );
    await this.sla.upsertJobScheduler(
      SCHEDULER_KEYS.sweep,
      { every: this.config.worker.sweepIntervalMs },
      { name: JOB_NAMES.sweep, data: {} },
    );
    await this.notifications.upsertJobScheduler(
      SCHEDULER_KEYS.digest,
      { pattern: '0 0 8 * * *', tz: 'Asia/Shanghai' },
      { name: JOB_NAMES.digest, data: {} },
    );
    await this.reports.upsertJobScheduler(
      SCHEDULER_KEYS.bulletins,
      { pattern: '0 30 7 * * *', tz: 'Asia/Shanghai' },
      { name: JOB_NAMES.bulletins, data: {} },
    );
    await this.notifications.upsertJobScheduler(
      SCHEDULER_KEYS.maturityReminders,
      { pattern: '0 30 7 * * *', tz: 'Asia/Shanghai' },
      { name: JOB_NAMES.maturityReminders, data: {} },
    );
  }
}
