import { Injectable } from '@nestjs/common';
import { JOB_NAMES, type HandlerResult, type JobOf } from '@unblock/queue';
import { OpenLevelTwoUseCase } from '@unblock/sla';
import { JobHandler } from './job-handler';

/** An obligation still open some business days after its deadline: level 2. */
@Injectable()
export class LevelTwoJob extends JobHandler<'level-two'> {
  readonly name = JOB_NAMES.levelTwo;

  constructor(private readonly levelTwo: OpenLevelTwoUseCase) {
    super();
  }

  handle(job: JobOf<'level-two'>): Promise<HandlerResult> {
    return this.levelTwo.execute(job.data);
  }
}
