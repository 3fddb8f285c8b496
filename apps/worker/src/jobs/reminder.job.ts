import { Injectable } from '@nestjs/common';
import { JOB_NAMES, type HandlerResult, type JobOf } from '@unblock/queue';
import { SendReminderUseCase } from '@unblock/sla';
import { JobHandler } from './job-handler';

/** Ahead of a deadline: remind whoever holds the case. */
@Injectable()
export class ReminderJob extends JobHandler<'reminder'> {
  readonly name = JOB_NAMES.reminder;

  constructor(private readonly remind: SendReminderUseCase) {
    super();
  }

  handle(job: JobOf<'reminder'>): Promise<HandlerResult> {
    return this.remind.execute(job.data);
  }
}
