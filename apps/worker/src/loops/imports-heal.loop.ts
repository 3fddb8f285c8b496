import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { ImportsHealer } from '@unblock/imports';

/** Re-adds the jobs of unfinished imports at boot and every sweep interval (Redis may have lost them). */
@Injectable()
export class ImportsHealLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Imports');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly healer: ImportsHealer,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.heal();
    this.timer = setInterval(() => void this.heal(), this.config.worker.sweepIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async heal(): Promise<void> {
    try {
      await this.healer.heal();
    } catch (error: unknown) {
      this.logger.error({ err: error }, 'could not re-queue unfinished imports; trying again');
    }
  }
}
