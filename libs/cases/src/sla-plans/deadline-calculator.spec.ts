import * as fc from 'fast-check';
import { CHINA_2025, CHINA_2026, businessCalendar, deadlineAfter, reminderBefore } from '@unblock/domain';
import { DeadlineCalculator, type SlaPlan } from './deadline-calculator';

const planner = new DeadlineCalculator();

/** A plan on the 2025–2026 holiday calendar, its durations in business days (remembered) or milliseconds. */
function plan(businessDays: number, remindDays: number): SlaPlan {
  return {
    calendar: businessCalendar(
      [...CHINA_2025.holidays, ...CHINA_2026.holidays],
      [...CHINA_2025.workdays, ...CHINA_2026.workdays],
    ),
    durations: {
      screening: { businessDays: 3 },
      claim: { businessDays },
      first_contact: { milliseconds: 90_000 },
      decision: { businessDays: 15 },
      signing: { businessDays: 10 },
      repair: { businessDays: 10 },
    },
    remindBefore: { businessDays: remindDays },
    levelTwoAfter: { businessDays: 3 },
  };
}

/** Instants from late 2024 to early 2027, so some deadlines fall around the holidays and the years' turns. */
const instant = fc.date({
  min: new Date('2024-12-20T00:00:00Z'),
  max: new Date('2027-01-10T00:00:00Z'),
  noInvalidDate: true,
});

describe('DeadlineCalculator', () => {
  it('answers the calendar’s deadlines and reminders, remembered or not, asked in any order', () => {
    const plans = [plan(3, 1), plan(0, 0), plan(20, 4)];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), instant), { minLength: 1, maxLength: 40 }),
        (asks) => {
          for (const [which, from] of asks) {
            const p = plans[which];
            if (p === undefined) throw new Error('no such plan');
            for (const obligation of ['claim', 'first_contact', 'decision'] as const) {
              const due = planner.dueAt(p, obligation, from);
              expect(due).toEqual(deadlineAfter(from, p.durations[obligation], p.calendar));
              expect(planner.remindAt(p, due)).toEqual(reminderBefore(due, p.remindBefore, p.calendar));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives each caller a date of its own', () => {
    const p = plan(3, 1);
    const from = new Date('2026-09-29T02:00:00Z');
    const first = planner.dueAt(p, 'claim', from);
    first.setTime(0);
    expect(planner.dueAt(p, 'claim', from)).toEqual(deadlineAfter(from, { businessDays: 3 }, p.calendar));
  });
});
