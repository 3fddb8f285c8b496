import { Injectable } from '@nestjs/common';
import {
  WEEKENDS_ONLY,
  deadlineAfter,
  reminderBefore,
  type BusinessCalendar,
  type Obligation,
  type SlaDuration,
} from '@unblock/domain';

/** A campaign's SLA plan: a duration per obligation, the reminder's and level two's delays, on a calendar. */
export interface SlaPlan {
  readonly calendar: BusinessCalendar;
  readonly durations: Readonly<Record<Obligation, SlaDuration>>;
  readonly remindBefore: SlaDuration;
  readonly levelTwoAfter: SlaDuration;
}

/** DESIGN.md's defaults, for a campaign without a policy when no default policy is stored. */
export const BUILT_IN_PLAN: SlaPlan = {
  calendar: WEEKENDS_ONLY,
  durations: {
    screening: { businessDays: 3 },
    claim: { businessDays: 3 },
    first_contact: { businessDays: 2 },
    decision: { businessDays: 15 },
    signing: { businessDays: 10 },
    repair: { businessDays: 10 },
  },
  remindBefore: { businessDays: 1 },
  levelTwoAfter: { businessDays: 3 },
};

/** The most business-day instants remembered per plan; past it, they are forgotten and computed again. */
const REMEMBERED_INSTANTS = 10_000;

const DAY_MS = 86_400_000;

/**
 * The deadlines of a plan: when an obligation opened now falls due, when its holder is reminded, when it
 * goes to level 2. Pure: the same plan and instant always give the same answer. A business-day instant is
 * computed once per plan (it depends on the local day it starts from only) and remembered, since the day's
 * transitions ask for the same few.
 */
@Injectable()
export class DeadlineCalculator {
  private readonly instants = new WeakMap<SlaPlan, Map<string, number>>();

  dueAt(plan: SlaPlan, obligation: Obligation, from: Date): Date {
    const duration = plan.durations[obligation];
    if ('milliseconds' in duration) return deadlineAfter(from, duration, plan.calendar);
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

  /** When a still-open obligation escalates to level 2: `levelTwoAfter` past its deadline. */
  levelTwoAt(plan: SlaPlan, dueAt: Date): Date {
    return deadlineAfter(dueAt, plan.levelTwoAfter, plan.calendar);
  }

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
}
