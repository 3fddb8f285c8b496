import { Injectable } from '@nestjs/common';
import { JOB_NAMES, type HandlerResult } from '@unblock/queue';
import { Sweeper } from '@unblock/sla';
import { JobHandler } from './job-handler';

/** Every sweep interval: heal the queues from Postgres (`Sweeper`). */
@Injectable()
export class SweepJob extends JobHandler<'sweep'> {
  readonly name = JOB_NAMES.sweep;

  constructor(private readonly sweeper: Sweeper) {
    super();
  }

  async handle(): Promise<HandlerResult> {
    const report = await this.sweeper.sweep();
    return report.skipped !== undefined
      ? { skipped: report.skipped }
      : {
          done:
            `level 1: ${report.escalatedLevelOne}, level 2: ${report.escalatedLevelTwo}, ` +
            `followed up: ${report.followedUp}, jobs: ${report.jobsEnsured}`,
        };
  }
}
