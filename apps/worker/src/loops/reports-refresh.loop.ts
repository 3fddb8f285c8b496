import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { ReportRollups } from '@unblock/reports';
import { WorkerScheduling } from '../scheduling/worker-scheduling';

/**
 * Keeps the report rollups up to date: every interval, the stale days are recomputed from Postgres (one
 * process at a time, under an advisory lock). Nothing of it lives in Redis, so nothing is lost with Redis.
 * A refresh can wait: it gives way to deadlines as the worker's scheduling says (`WorkerScheduling`).
 */
@Injectable()
export class ReportsRefreshLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportsRefresh');
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly rollups: ReportRollups,
    private readonly config: AppConfig,
    private readonly scheduling: WorkerScheduling,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.scheduling.beforeRefresh(() => this.stopped);
        if (this.stopped) break;
        const result = await this.rollups.refresh();
        if (result !== null && result.days > 0) this.logger.log(`report rollups: ${result.days} stale days recomputed`);
        failures = 0;
      } catch (error: unknown) {
        failures += 1;
        this.logger.error({ err: error }, 'refreshing the report rollups failed; trying again');
      }
      const wait = failures > 0 ? Math.min(60_000, 1000 * 2 ** failures) : this.config.worker.reportsRefreshMs;
      // Wake early on shutdown so a stopping worker is not held for a whole interval.
      for (let waited = 0; waited < wait && !this.stopped; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(100, wait - waited)));
      }
    }
  }
}
