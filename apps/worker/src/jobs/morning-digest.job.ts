import { Injectable } from '@nestjs/common';
import { MorningDigest } from '@unblock/notifications';
import { JOB_NAMES, type HandlerResult } from '@unblock/queue';
import { JobHandler } from './job-handler';

/** Every morning: each bank manager's and supervisor's overdue cases, once a day. */
@Injectable()
export class MorningDigestJob extends JobHandler<'digest'> {
  readonly name = JOB_NAMES.digest;

  constructor(private readonly digest: MorningDigest) {
    super();
  }

  handle(): Promise<HandlerResult> {
    return this.digest.send();
  }
}
