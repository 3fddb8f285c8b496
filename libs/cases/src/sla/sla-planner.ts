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
    if (stamp === null) return BUILT_IN;
    return this.kept.get(stamp) ?? this.planFor(manager, campaignId);
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
    return deadlineAfter(from, plan.durations[obligation], plan.calendar);
  }

  /** When to remind the holder: `remindBefore` ahead of the deadline. */
  remindAt(plan: SlaPlan, dueAt: Date): Date {
    return reminderBefore(dueAt, plan.remindBefore, plan.calendar);
  }

  /** When a still-open obligation escalates to level 2: `levelTwoAfter` past its deadline. */
  levelTwoAt(plan: SlaPlan, dueAt: Date): Date {
    return deadlineAfter(dueAt, plan.levelTwoAfter, plan.calendar);
  }
}
