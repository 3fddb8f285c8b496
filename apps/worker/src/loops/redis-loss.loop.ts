import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ImportsHealer } from '@unblock/imports';
import { Sweeper } from '@unblock/sla';
import { WorkerBootstrapService } from '../worker-bootstrap.service';

/** How often the worker looks whether Redis lost its keys: one GET. */
export const REDIS_LOSS_CHECK_MS = 1000;
/** How long a stopping worker waits for the loop. */
const SHUTDOWN_WAIT_MS = 5000;

/**
 * Heals at once after Redis lost its keys (FLUSHALL, a restart without persistence, a failover to an empty
 * replica). The sweep's own schedule lives in Redis and is lost with it, and re-upserting it only every sweep
 * interval left an overdue deadline waiting up to two intervals, a third with the grace the sweep gives the
 * queues. So every second the worker looks for the key that each sweep writes (`Sweeper.queuesLost`); when
 * it is gone, it sweeps now (every deadline passed is escalated, the horizon's jobs added again), then puts
 * the schedulers and the unfinished imports back. At boot, on an empty Redis, this is the first sweep.
 */
@Injectable()
export class RedisLossLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RedisLoss');
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sweeper: Sweeper,
    private readonly schedulers: WorkerBootstrapService,
    private readonly imports: ImportsHealer,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  /** Waits for a heal under way, but not for a Redis that does not answer (its look would wait forever). */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (await this.sweeper.queuesLost()) await this.heal();
      } catch (error: unknown) {
        this.logger.error({ err: error }, 'healing after a Redis loss failed; trying again');
      }
      for (let waited = 0; waited < REDIS_LOSS_CHECK_MS && !this.stopped; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private async heal(): Promise<void> {
    this.logger.warn('the queues’ keys are not in Redis (lost, or never written): healing from Postgres now');
    const report = await this.sweeper.sweep();
    if (report.skipped === undefined) {
      this.logger.log(
        `healed: ${report.escalatedLevelOne} level-1 and ${report.escalatedLevelTwo} level-2 escalations, ` +
          `${report.followedUp} followed up, ${report.jobsEnsured} jobs added again`,
      );
    }
    await this.schedulers.ensureSchedulers();
    await this.imports.heal();
  }
}
