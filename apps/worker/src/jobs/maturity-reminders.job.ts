import { Injectable } from '@nestjs/common';
import { SendMaturityRemindersUseCase } from '@unblock/sla';
import { JOB_NAMES, type HandlerResult } from '@unblock/queue';
import { JobHandler } from './job-handler';

/** Every morning: the banks' reminders of contracts 30, 15 and 5 business days before maturity, once each. */
@Injectable()
export class MaturityRemindersJob extends JobHandler<'maturity-reminders'> {
  readonly name = JOB_NAMES.maturityReminders;

  constructor(private readonly reminders: SendMaturityRemindersUseCase) {
    super();
  }

  handle(): Promise<HandlerResult> {
    return this.reminders.execute();
  }
}
