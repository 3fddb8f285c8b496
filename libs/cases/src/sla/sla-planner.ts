import { Injectable } from '@nestjs/common';
import { CalendarEntity, CampaignEntity, SlaPolicyEntity } from '@unblock/database';
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

function duration(text: string, fallback: SlaDuration): SlaDuration {
  return parseSlaDuration(text) ?? fallback;
}

/** Deadlines of a campaign's obligations: its SLA policy (or the default one) on its calendar. */
@Injectable()
export class SlaPlanner {
  async planFor(manager: EntityManager, campaignId: string): Promise<SlaPlan> {
    const campaign = await manager.findOne(CampaignEntity, {
      where: { id: campaignId },
      select: ['id', 'slaPolicyId'],
    });
    const policy =
      campaign?.slaPolicyId != null
        ? await manager.findOneBy(SlaPolicyEntity, { id: campaign.slaPolicyId })
        : await manager.findOneBy(SlaPolicyEntity, { isDefault: true });
    if (!policy) return BUILT_IN;
    const calendar = await manager.findOneBy(CalendarEntity, { id: policy.calendarId });
    return {
      calendar: calendar ? businessCalendar(calendar.holidays, calendar.workdays) : WEEKENDS_ONLY,
      durations: {
        claim: duration(policy.claim, BUILT_IN.durations.claim),
        first_contact: duration(policy.firstContact, BUILT_IN.durations.first_contact),
        decision: duration(policy.decision, BUILT_IN.durations.decision),
        signing: duration(policy.signing, BUILT_IN.durations.signing),
      },
      remindBefore: duration(policy.remindBefore, BUILT_IN.remindBefore),
      levelTwoAfter: duration(policy.levelTwoAfter, BUILT_IN.levelTwoAfter),
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
