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
 * statement. No row: no policy (the built-in plan); a null calendar: weekends only.
 */
function planQuery(campaignId: string): string {
  return `SELECT p.claim, p.first_contact, p.decision, p.signing, p.remind_before, p.level_two_after,
                 cal.id AS calendar_id, cal.holidays::text[] AS holidays, cal.workdays::text[] AS workdays
            FROM (SELECT 1) AS one
            LEFT JOIN campaigns sc ON sc.id = ${campaignId}
            JOIN LATERAL (
              SELECT * FROM sla_policies
               WHERE CASE WHEN sc.sla_policy_id IS NOT NULL THEN id = sc.sla_policy_id ELSE is_default END
               LIMIT 1) p ON true
            LEFT JOIN calendars cal ON cal.id = p.calendar_id`;
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
}

function duration(text: string, fallback: SlaDuration): SlaDuration {
  return parseSlaDuration(text) ?? fallback;
}

/** Deadlines of a campaign's obligations: its SLA policy (or the default one) on its calendar. */
@Injectable()
export class SlaPlanner {
  /** The campaign's plan, in one statement. */
  async planFor(manager: EntityManager, campaignId: string): Promise<SlaPlan> {
    const rows = await manager.query<PlanRow[]>(`${planQuery('$1')}`, [campaignId]);
    return this.fromRow(rows[0]);
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
