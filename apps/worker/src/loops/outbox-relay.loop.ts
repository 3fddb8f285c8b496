import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { OutboxRelay } from '@unblock/queue';

/** Runs the outbox relay: again at once while there is a backlog, every interval when idle. */
@Injectable()
export class OutboxRelayLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly config: AppConfig,
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
      let moved = 0;
      try {
        moved = await this.relay.relayOnce();
        failures = 0;
      } catch (error: unknown) {
        failures += 1;
        this.logger.error({ err: error }, 'relaying the outbox failed; trying again');
      }
      if (moved === 0 || failures > 0) {
        const wait = failures > 0 ? Math.min(30_000, 500 * 2 ** failures) : this.config.worker.relayIntervalMs;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}
