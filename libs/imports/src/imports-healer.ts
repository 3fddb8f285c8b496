import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UNFINISHED_IMPORTS } from '@unblock/database';
import { JOB_NAMES, QUEUE_NAMES } from '@unblock/queue';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { importJobId } from './imports.service';

/**
 * Redis may lose the import jobs: every unfinished import (queued or running in Postgres) gets its run's job
 * again. Deterministic ids make this a no-op while the job is still in Redis; a job that ended (say, skipped
 * because another worker held the import, which then died) is removed and added again.
 */
@Injectable()
export class ImportsHealer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUE_NAMES.imports) private readonly queue: Queue,
  ) {}

  async heal(): Promise<number> {
    const unfinished = await this.dataSource.query<{ id: string; run: number }[]>(UNFINISHED_IMPORTS);
    for (const { id, run } of unfinished) {
      const jobId = importJobId(id, run);
      const existing = await this.queue.getJob(jobId);
      if (existing) {
        const state = await existing.getState();
        if (state !== 'completed' && state !== 'failed') continue;
        await existing.remove().catch(() => undefined);
      }
      await this.queue.add(JOB_NAMES.importRun, { importId: id, run }, { jobId });
    }
    return unfinished.length;
  }
}
