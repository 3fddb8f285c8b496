import { Injectable } from '@nestjs/common';
import { WriteBulletins } from '@unblock/reports';
import { JOB_NAMES, type HandlerResult } from '@unblock/queue';
import { JobHandler } from './job-handler';

/** Every morning: the daily bulletin of each supervisor's region, once per region and day. */
@Injectable()
export class BulletinsJob extends JobHandler<'bulletins'> {
  readonly name = JOB_NAMES.bulletins;

  constructor(private readonly bulletins: WriteBulletins) {
    super();
  }

  handle(): Promise<HandlerResult> {
    return this.bulletins.execute();
  }
}
