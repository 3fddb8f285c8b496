import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { ImportRunner, ImportsHealer } from '@unblock/imports';
import { QUEUE_NAMES, type HandlerResult, type JobPayloads } from '@unblock/queue';
import type { Job } from 'bullmq';
import { handlerRegistry } from './handler-registry';

/** The `imports` queue: one job per run of an import; the run resumes from the import's checkpoint. */
@Processor(QUEUE_NAMES.imports, { concurrency: 2 })
export class ImportsProcessor extends WorkerHost {
  private readonly handlers: (job: Job) => Promise<HandlerResult>;

  constructor(private readonly runner: ImportRunner) {
    super();
    this.handlers = handlerRegistry(QUEUE_NAMES.imports, {
      'import-run': (job: Job) => {
        const { importId, run } = job.data as JobPayloads['import-run'];
        return runner.run(importId, run);
      },
    });
  }

  process(job: Job): Promise<HandlerResult> {
    return this.handlers(job);
  }

  /** The last attempt failed: the import fails, keeping its committed batches for a retry. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const { importId, run } = job.data as JobPayloads['import-run'];
    await this.runner.fail(importId, run, `the import stopped: ${error.message}`).catch(() => undefined);
  }
}

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
