import { Injectable } from '@nestjs/common';
import { slaPlanSql, type SlaPlanRow } from '@unblock/database';
import { WEEKENDS_ONLY, businessCalendar, parseSlaDuration, type SlaDuration } from '@unblock/domain';
import type { EntityManager } from 'typeorm';
import { BUILT_IN_PLAN, type SlaPlan } from './deadline-calculator';

/** The most plans kept by stamp; past it, the kept ones are dropped and read again as needed. */
const KEPT_PLANS = 1000;

/** How many of the plans used last `recentPlans` offers (an action taken at once plans on each). */
const RECENT_PLANS = 4;

function duration(text: string, fallback: SlaDuration): SlaDuration {
  return parseSlaDuration(text) ?? fallback;
}

/** The plan of a row of `slaPlanSql` (none: the built-in plan). */
export function slaPlanOf(row: SlaPlanRow | null | undefined): SlaPlan {
  if (!row) return BUILT_IN_PLAN;
  return {
    calendar: row.calendar_id !== null ? businessCalendar(row.holidays ?? [], row.workdays ?? []) : WEEKENDS_ONLY,
    durations: {
      screening: duration(row.screening, BUILT_IN_PLAN.durations.screening),
      claim: duration(row.claim, BUILT_IN_PLAN.durations.claim),
      first_contact: duration(row.first_contact, BUILT_IN_PLAN.durations.first_contact),
      decision: duration(row.decision, BUILT_IN_PLAN.durations.decision),
      signing: duration(row.signing, BUILT_IN_PLAN.durations.signing),
      repair: duration(row.repair, BUILT_IN_PLAN.durations.repair),
    },
    remindBefore: duration(row.remind_before, BUILT_IN_PLAN.remindBefore),
    levelTwoAfter: duration(row.level_two_after, BUILT_IN_PLAN.levelTwoAfter),
  };
}

/**
 * A campaign's SLA plan: its policy (or the default one) on its calendar. Plans are kept by stamp (the
 * policy's and calendar's ids and row versions), so that a transition reads only its plan's stamp with its
 * case, and the plan itself only when the stamp is new (a policy or calendar edited).
 */
@Injectable()
export class SlaPlans {
  private readonly kept = new Map<string, SlaPlan>();
  /** The stamps of the plans used last (null: the built-in plan), newest first. */
  private readonly recent: (string | null)[] = [];

  /** The campaign's plan, read in one statement. */
  async planFor(manager: EntityManager, campaignId: string): Promise<SlaPlan> {
    const rows = await manager.query<SlaPlanRow[]>(slaPlanSql('$1'), [campaignId]);
    const row = rows[0];
    const plan = slaPlanOf(row);
    if (row !== undefined) {
      if (this.kept.size >= KEPT_PLANS) this.kept.clear();
      this.kept.set(row.stamp, plan);
    }
    return plan;
  }

  /** The default policy's plan, on its calendar (the built-in plan when none is stored). */
  async defaultPlan(manager: EntityManager): Promise<SlaPlan> {
    const rows = await manager.query<SlaPlanRow[]>(slaPlanSql('$1::uuid'), [null]);
    return slaPlanOf(rows[0]);
  }

  /** The campaign's plan by its stamp: the plan kept under it, else read (no stamp: the built-in plan). */
  async planByStamp(manager: EntityManager, campaignId: string, stamp: string | null): Promise<SlaPlan> {
    const plan = stamp === null ? BUILT_IN_PLAN : (this.kept.get(stamp) ?? (await this.planFor(manager, campaignId)));
    if (this.recent[0] !== stamp) {
      const at = this.recent.indexOf(stamp);
      if (at >= 0) this.recent.splice(at, 1);
      this.recent.unshift(stamp);
      this.recent.length = Math.min(this.recent.length, RECENT_PLANS);
    }
    return plan;
  }

  /**
   * The plans `planByStamp` answered last, each with its stamp (null: the built-in plan), newest first: the
   * plans an action taken without reading its case plans on (most campaigns share a few policies).
   */
  recentPlans(): { readonly stamp: string | null; readonly plan: SlaPlan }[] {
    return this.recent.flatMap((stamp) => {
      const plan = stamp === null ? BUILT_IN_PLAN : this.kept.get(stamp);
      return plan === undefined ? [] : [{ stamp, plan }];
    });
  }

  /** A memo of `planFor` for one transaction: each campaign's plan read once. */
  perCampaign(manager: EntityManager): (campaignId: string) => Promise<SlaPlan> {
    const plans = new Map<string, Promise<SlaPlan>>();
    return (campaignId) => {
      const known = plans.get(campaignId) ?? this.planFor(manager, campaignId);
      plans.set(campaignId, known);
      return known;
    };
  }
}
