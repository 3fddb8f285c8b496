import { Injectable } from '@nestjs/common';
import { JOB_NAMES, type HandlerResult, type JobOf } from '@unblock/queue';
import { FollowUpEscalationsUseCase } from '@unblock/sla';
import { JobHandler } from './job-handler';

/** What follows a batch of escalations: notices, a pool's level 2, missed claims moved on. */
@Injectable()
export class FollowUpJob extends JobHandler<'follow-up'> {
  readonly name = JOB_NAMES.followUp;

  constructor(private readonly followUp: FollowUpEscalationsUseCase) {
    super();
  }

  handle(job: JobOf<'follow-up'>): Promise<HandlerResult> {
    return this.followUp.execute(job.data.obligationIds);
  }
}
