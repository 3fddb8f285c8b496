import { Injectable } from '@nestjs/common';
import { BulletinNotices } from '@unblock/notifications';
import { JOB_NAMES, type HandlerResult } from '@unblock/queue';
import { WriteBulletins } from '@unblock/reports';
import { JobHandler } from './job-handler';

/**
 * Every morning: the daily bulletin of each supervisor's region, once per region and day, each announced in
 * the inboxes of its region's supervisors (once: the notices are keyed by region and day).
 */
@Injectable()
export class BulletinsJob extends JobHandler<'bulletins'> {
  readonly name = JOB_NAMES.bulletins;

  constructor(
    private readonly bulletins: WriteBulletins,
    private readonly notices: BulletinNotices,
  ) {
    super();
  }

  async handle(): Promise<HandlerResult> {
    const { day, written, bulletins } = await this.bulletins.execute();
    const announced = await this.notices.announce(day, bulletins);
    return written === 0 && announced === 0
      ? { skipped: `the bulletins of ${day} are written` }
      : { done: `wrote ${written} bulletins of ${day}, ${announced} notices` };
  }
}
