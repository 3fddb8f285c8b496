import type { CalendarEntity, SlaPolicyEntity } from '@unblock/database';

export class CalendarResponse {
  id!: string;
  name!: string;
  timeZone!: string;
  /** ISO dates off although weekdays (weekend days inside a holiday may be listed too). */
  holidays!: string[];
  /** ISO weekend dates that are working days. */
  workdays!: string[];
}

export class SlaPolicyResponse {
  id!: string;
  name!: string;
  calendarId!: string;
  screening!: string;
  claim!: string;
  firstContact!: string;
  decision!: string;
  signing!: string;
  repair!: string;
  remindBefore!: string;
  levelTwoAfter!: string;
  isDefault!: boolean;
}

/**
 * A stored date as `YYYY-MM-DD`. pg reads the elements of a `date[]` column as `Date`s at local midnight,
 * which JSON would print as instants (`2025-04-04T00:00:00.000Z`, or the day before east of UTC).
 */
function isoDate(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const month = String(value.getMonth() + 1).padStart(2, '0');
  const day = String(value.getDate()).padStart(2, '0');
  return `${value.getFullYear()}-${month}-${day}`;
}

export const toCalendarResponse = (c: CalendarEntity): CalendarResponse => ({
  id: c.id,
  name: c.name,
  timeZone: c.timeZone,
  holidays: (c.holidays as (string | Date)[]).map(isoDate).sort(),
  workdays: (c.workdays as (string | Date)[]).map(isoDate).sort(),
});

export const toSlaPolicyResponse = (p: SlaPolicyEntity): SlaPolicyResponse => ({
  id: p.id,
  name: p.name,
  calendarId: p.calendarId,
  screening: p.screening,
  claim: p.claim,
  firstContact: p.firstContact,
  decision: p.decision,
  signing: p.signing,
  repair: p.repair,
  remindBefore: p.remindBefore,
  levelTwoAfter: p.levelTwoAfter,
  isDefault: p.isDefault,
});
