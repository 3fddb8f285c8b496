import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseRepository, DeadlineCalculator, SlaPlans } from '@unblock/cases';
import { inTransaction } from '@unblock/database';
import { Clock } from '@unblock/domain';
import { Notifier, supervisorsByRegion } from '@unblock/notifications';
import type { DeadlinePayload, HandlerResult } from '@unblock/queue';
import { DataSource, type EntityManager } from 'typeorm';
import { liveDeadline } from './deadline-locks';
import { escalationNotice, movesOn, type Overdue } from './overdue';

/**
 * An obligation still open `levelTwoAfter` past its deadline goes to level 2, with the supervisors'
 * notices. A claim missed at a bank never does: its follow-up moves the case on.
 */
@Injectable()
export class OpenLevelTwoUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly plans: SlaPlans,
    private readonly deadlines: DeadlineCalculator,
    private readonly cases: CaseRepository,
    private readonly notifier: Notifier,
  ) {}

  /** A level-2 job: the obligation re-read under lock; stale (met, moved, paused, not due yet) is skipped. */
  execute(job: DeadlinePayload): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const state = await liveDeadline(this.dataSource, manager, job, this.clock.now(), async (o) =>
        this.deadlines.levelTwoAt(await this.plans.planFor(manager, o.case.campaignId), o.obligation.dueAt),
      );
      if (!state.live) return { skipped: state.skipped };
      if (movesOn(state)) return { skipped: 'moves to the next tier' };
      const opened = await this.openIn(manager, [state], this.clock.now());
      return opened.size > 0 ? { done: 'escalated to level 2' } : { skipped: 'level 2 already open' };
    });
  }

  /** Level-2 escalations and their notices in the caller's transaction; answers the obligations whose level 2 is new. */
  async openIn(manager: EntityManager, overdue: readonly Overdue[], now: Date): Promise<Set<string>> {
    const opened = await this.cases.openEscalations(manager, overdue, 2, now);
    const escalated = overdue.filter((o) => opened.has(o.obligation.id));
    if (escalated.length > 0) {
      const supervisors = await supervisorsByRegion(
        manager,
        escalated.map((o) => o.case.regionCode),
      );
      await this.notifier.notifyMany(
        manager,
        escalated.map((o) => ({ userIds: supervisors.get(o.case.regionCode) ?? [], notice: escalationNotice(o, 2) })),
      );
    }
    return opened;
  }
}
