import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseRepository, DeadlineCalculator, SlaPlans } from '@unblock/cases';
import { inTransaction } from '@unblock/database';
import { Clock } from '@unblock/domain';
import { Notifier } from '@unblock/notifications';
import type { DeadlinePayload, HandlerResult } from '@unblock/queue';
import { DataSource, type EntityManager } from 'typeorm';
import { liveDeadline } from './deadline-locks';
import { movesOn, notifyEscalations, type Overdue } from './overdue';

/**
 * An obligation still open `levelTwoAfter` past its deadline goes to level 2, with the supervisors'
 * notices. A claim missed at a bank never does: its follow-up moves the case on (or keeps a renewal at its
 * lender on a fresh claim clock).
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
      if (movesOn(state)) {
        return {
          skipped: state.case.kind === 'renewal' ? 'stays at the bank holding the loan' : 'moves to the next tier',
        };
      }
      const opened = await this.openIn(manager, [state], this.clock.now());
      return opened.size > 0 ? { done: 'escalated to level 2' } : { skipped: 'level 2 already open' };
    });
  }

  /** Level-2 escalations and their notices in the caller's transaction; answers the obligations whose level 2 is new. */
  async openIn(manager: EntityManager, overdue: readonly Overdue[], now: Date): Promise<Set<string>> {
    const opened = await this.cases.openEscalations(manager, overdue, 2, now);
    await notifyEscalations(
      manager,
      this.notifier,
      overdue.filter((o) => opened.has(o.obligation.id)),
      2,
    );
    return opened;
  }
}
