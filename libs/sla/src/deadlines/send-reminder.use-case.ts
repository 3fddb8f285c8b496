import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlineCalculator, SlaPlans } from '@unblock/cases';
import { inTransaction } from '@unblock/database';
import { CASE_WORDS, Clock, shanghaiDayTime } from '@unblock/domain';
import { Notifier, holdersOf, repairersOf } from '@unblock/notifications';
import type { DeadlinePayload, HandlerResult } from '@unblock/queue';
import { DataSource } from 'typeorm';
import { liveDeadline } from './deadline-locks';

/**
 * `remindBefore` ahead of a deadline still open: whoever holds the case is reminded, once; of a repair task,
 * the partner officers of its organization.
 */
@Injectable()
export class SendReminderUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly plans: SlaPlans,
    private readonly deadlines: DeadlineCalculator,
    private readonly notifier: Notifier,
  ) {}

  execute(job: DeadlinePayload): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const state = await liveDeadline(this.dataSource, manager, job, this.clock.now(), async (o) =>
        this.deadlines.remindAt(await this.plans.planFor(manager, o.case.campaignId), o.obligation.dueAt),
      );
      if (!state.live) return { skipped: state.skipped };
      const { obligation, case: c } = state;
      const recipients =
        obligation.obligation === 'repair' ? await repairersOf(manager, obligation.id) : await holdersOf(manager, c);
      const sent = await this.notifier.notify(manager, recipients, {
        kind: 'reminder',
        caseId: c.id,
        title: `${c.number}：${CASE_WORDS['zh-CN'].obligation[obligation.obligation]}将于 ${shanghaiDayTime(obligation.dueAt)} 到期`,
        data: { obligation: obligation.obligation, dueAt: job.dueAt, caseNumber: c.number },
        key: `reminder.${obligation.id}.${Date.parse(job.dueAt)}`,
      });
      return sent > 0 ? { done: `reminded ${sent}` } : { skipped: 'reminded already' };
    });
  }
}
