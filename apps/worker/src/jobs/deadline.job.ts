import { Injectable } from '@nestjs/common';
import { JOB_NAMES, type DeadlinePayload, type HandlerResult, type JobOf } from '@unblock/queue';
import { EscalateDeadlinesUseCase } from '@unblock/sla';
import { JobHandler } from './job-handler';

/** An obligation's deadline: its level-1 escalation (`EscalateDeadlinesUseCase`), in batches. */
@Injectable()
export class DeadlineJob extends JobHandler<'deadline'> {
  readonly name = JOB_NAMES.deadline;

  constructor(private readonly escalate: EscalateDeadlinesUseCase) {
    super();
  }

  async handle(job: JobOf<'deadline'>): Promise<HandlerResult> {
    const [outcome] = await this.handleMany([job.data]);
    if (outcome?.status !== 'fulfilled') throw outcome?.reason ?? new Error('no result');
    return outcome.value;
  }

  /** Many deadlines' payloads as one batch (each job alone when the batch fails), with the obligations fallen due alongside. */
  handleMany(payloads: readonly DeadlinePayload[]): Promise<PromiseSettledResult<HandlerResult>[]> {
    return this.escalate.executeEach(payloads);
  }
}
