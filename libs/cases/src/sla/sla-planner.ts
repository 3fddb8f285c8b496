import { Injectable } from '@nestjs/common';
import {
  WEEKENDS_ONLY,
  businessCalendar,
  deadlineAfter,
  reminderBefore,
  parseSlaDuration,
  type BusinessCalendar,
  type Obligation,
  type SlaDuration,
} from '@unblock/domain';
import type { EntityManager } from 'typeorm';

export interface SlaPlan {
  readonly calendar: BusinessCalendar;
  readonly durations: Readonly<Record<Obligation, SlaDuration>>;
  readonly remindBefore: SlaDuration;
  readonly levelTwoAfter: SlaDuration;
}

/** DESIGN.md's defaults, for a campaign without a policy when no default policy is stored. */
const BUILT_IN: SlaPlan = {
  calendar: WEEKENDS_ONLY,
  durations: {
    claim: { businessDays: 3 },
    first_contact: { businessDays: 2 },
    decision: { businessDays: 15 },
    signing: { businessDays: 10 },
  },
  remindBefore: { businessDays: 1 },
  levelTwoAfter: { businessDays: 3 },
};

/**
 * The campaign's policy (or the default policy when it names none) and that policy's calendar, in one
 * statement: `columns` of `p` (the policy) and `cal` (the calendar). No row: no policy (the built-in
 * plan); a null calendar: weekends only.
 */
function planJoin(campaignId: string, columns: string): string {
  return `SELECT ${columns}
            FROM (SELECT 1) AS one
            LEFT JOIN campaigns sc ON sc.id = ${campaignId}
            JOIN LATERAL (
              SELECT *, xmin AS row_version FROM sla_policies
               WHERE CASE WHEN sc.sla_policy_id IS NOT NULL THEN id = sc.sla_policy_id ELSE is_default END
               LIMIT 1) p ON true
            LEFT JOIN calendars cal ON cal.id = p.calendar_id`;
}

/** Which policy and calendar, at which row versions: a plan's stamp, unique to what it was read from. */
const STAMP = `concat_ws(':', p.id, p.row_version, cal.id, cal.xmin) AS stamp`;

function planQuery(campaignId: string): string {
  return planJoin(
    campaignId,
    `p.claim, p.first_contact, p.decision, p.signing, p.remind_before, p.level_two_after,
     cal.id AS calendar_id, cal.holidays::text[] AS holidays, cal.workdays::text[] AS workdays, ${STAMP}`,
  );
}

export interface PlanRow {
  claim: string;
  first_contact: string;
  decision: string;
  signing: string;
  remind_before: string;
  level_two_after: string;
  calendar_id: string | null;
  holidays: string[] | null;
  workdays: string[] | null;
  stamp: string;
}

/** The most plans kept by stamp; past it, the kept ones are dropped and read again as needed. */
const KEPT_PLANS = 1000;

/** The most business-day instants remembered per plan; past it, they are forgotten and computed again. */
const REMEMBERED_INSTANTS = 10_000;

const DAY_MS = 86_400_000;

/** How many of the plans used last `recentPlans` offers (a claim computes its deadlines on each). */
const RECENT_PLANS = 4;

function duration(text: string, fallback: SlaDuration): SlaDuration {
  return parseSlaDuration(text) ?? fallback;
}

/**
 * Deadlines of a campaign's obligations: its SLA policy (or the default one) on its calendar. Plans are
 * kept by stamp (the policy's and calendar's ids and row versions), so that a transition reads only the
 * stamp of its campaign's plan, and the plan itself when the stamp is new (a policy or calendar edited).
 */
@Injectable()
export class SlaPlanner {
  private readonly kept = new Map<string, SlaPlan>();
  /** Business-day deadlines and reminders computed, by plan (see `remembered`). */
  private readonly instants = new WeakMap<SlaPlan, Map<string, number>>();
  /** The stamps of the plans used last (null: the built-in plan), newest first. */
  private readonly recent: (string | null)[] = [];

  /** The campaign's plan, in one statement. */
  async planFor(manager: EntityManager, campaignId: string): Promise<SlaPlan> {
    const rows = await manager.query<PlanRow[]>(`${planQuery('$1')}`, [campaignId]);
    const row = rows[0];
    const plan = this.fromRow(row);
    if (row !== undefined) {
      if (this.kept.size >= KEPT_PLANS) this.kept.clear();
      this.kept.set(row.stamp, plan);
    }
    return plan;
  }

  /**
   * The campaign's plan by its stamp (`stampQuery`): the plan kept under it, else read (no stamp: no policy,
   * the built-in plan).
   */
  async planByStamp(manager: EntityManager, campaignId: string, stamp: string | null): Promise<SlaPlan> {
    const plan = stamp === null ? BUILT_IN : (this.kept.get(stamp) ?? (await this.planFor(manager, campaignId)));
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
   * plans a statement may pick from by the stamp it reads (most campaigns share a few policies).
   */
  recentPlans(): { readonly stamp: string | null; readonly plan: SlaPlan }[] {
    return this.recent.flatMap((stamp) => {
      const plan = stamp === null ? BUILT_IN : this.kept.get(stamp);
      return plan === undefined ? [] : [{ stamp, plan }];
    });
  }

  /** The SQL of the stamp of one campaign's plan, for `campaignId` an SQL expression (see `planQuery`). */
  stampQuery(campaignId: string): string {
    return planJoin(campaignId, STAMP);
  }

  /**
   * The SQL of one campaign's plan row, for `campaignId` an SQL expression (a parameter, or a column of an
   * enclosing query, which then reads the plan in the same statement).
   */
  planQuery(campaignId: string): string {
    return planQuery(campaignId);
  }

  /** The plan of a row of `planQuery` (none: the built-in plan). */
  fromRow(policy: PlanRow | null | undefined): SlaPlan {
    if (!policy) return BUILT_IN;
    return {
      calendar:
        policy.calendar_id !== null ? businessCalendar(policy.holidays ?? [], policy.workdays ?? []) : WEEKENDS_ONLY,
      durations: {
        claim: duration(policy.claim, BUILT_IN.durations.claim),
        first_contact: duration(policy.first_contact, BUILT_IN.durations.first_contact),
        decision: duration(policy.decision, BUILT_IN.durations.decision),
        signing: duration(policy.signing, BUILT_IN.durations.signing),
      },
      remindBefore: duration(policy.remind_before, BUILT_IN.remindBefore),
      levelTwoAfter: duration(policy.level_two_after, BUILT_IN.levelTwoAfter),
    };
  }

  dueAt(plan: SlaPlan, obligation: Obligation, from: Date): Date {
    const duration = plan.durations[obligation];
    if ('milliseconds' in duration) return deadlineAfter(from, duration, plan.calendar);
    // A deadline in business days depends on the local day it starts from only.
    const day = Math.floor((from.getTime() + plan.calendar.utcOffsetMinutes * 60_000) / DAY_MS);
    return this.remembered(plan, `due:${duration.businessDays}:${day}`, () =>
      deadlineAfter(from, duration, plan.calendar),
    );
  }

  /** When to remind the holder: `remindBefore` ahead of the deadline. */
  remindAt(plan: SlaPlan, dueAt: Date): Date {
    const before = plan.remindBefore;
    if ('milliseconds' in before) return reminderBefore(dueAt, before, plan.calendar);
    return this.remembered(plan, `remind:${before.businessDays}:${dueAt.getTime()}`, () =>
      reminderBefore(dueAt, before, plan.calendar),
    );
  }

  /**
   * A business-day instant of the plan, computed once: walking a calendar day by day costs more than
   * anything else a claim does in the API, and the day's transitions ask for the same few instants.
   */
  private remembered(plan: SlaPlan, key: string, compute: () => Date): Date {
    let instants = this.instants.get(plan);
    if (instants === undefined) {
      instants = new Map();
      this.instants.set(plan, instants);
    }
    let at = instants.get(key);
    if (at === undefined) {
      if (instants.size >= REMEMBERED_INSTANTS) instants.clear();
      at = compute().getTime();
      instants.set(key, at);
    }
    return new Date(at);
  }

  /** When a still-open obligation escalates to level 2: `levelTwoAfter` past its deadline. */
  levelTwoAt(plan: SlaPlan, dueAt: Date): Date {
    return deadlineAfter(dueAt, plan.levelTwoAfter, plan.calendar);
  }
}
