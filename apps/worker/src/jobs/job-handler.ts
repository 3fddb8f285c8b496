import { isJobNamed, type JobName, type JobOf, type JobResult } from '@unblock/queue';
import type { Job } from 'bullmq';

/** The work of one job kind: one class per job, named after it, receiving its typed payload. */
export abstract class JobHandler<N extends JobName> {
  abstract readonly name: N;

  abstract handle(job: JobOf<N>): Promise<JobResult<N>>;

  /** Handles a job read from a queue when it is of this kind (null: it is not). */
  accept(job: Job): Promise<JobResult<N>> | null {
    return isJobNamed(job, this.name) ? this.handle(job) : null;
  }
}

/** Any job class. */
export type AnyJobHandler = { [N in JobName]: JobHandler<N> }[JobName];
