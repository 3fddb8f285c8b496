import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CalendarEntity,
  SlaPolicyEntity,
  inTransaction,
  mapPage,
  paginate,
  requireReferenced,
  type Page,
  type PageRequest,
  whereContains,
} from '@unblock/database';
import { DomainError, parseSlaDuration } from '@unblock/domain';
import { DataSource } from 'typeorm';
import {
  toCalendarResponse,
  toSlaPolicyResponse,
  type CalendarResponse,
  type SlaPolicyResponse,
} from './sla-settings.response';

export interface CalendarCommand {
  readonly name?: string | undefined;
  readonly holidays?: readonly string[] | undefined;
  readonly workdays?: readonly string[] | undefined;
}

export interface SlaPolicyCommand {
  readonly name: string;
  readonly calendarId: string;
  readonly screening?: string | undefined;
  readonly claim?: string | undefined;
  readonly firstContact?: string | undefined;
  readonly decision?: string | undefined;
  readonly signing?: string | undefined;
  readonly repair?: string | undefined;
  readonly remindBefore?: string | undefined;
  readonly levelTwoAfter?: string | undefined;
  readonly isDefault?: boolean | undefined;
}

const DURATION_FIELDS = [
  'screening',
  'claim',
  'firstContact',
  'decision',
  'signing',
  'repair',
  'remindBefore',
  'levelTwoAfter',
] as const;

/** Calendars and SLA policies: admins keep them; everyone reads them. */
@Injectable()
export class SlaSettings {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listCalendars(page: PageRequest): Promise<Page<CalendarResponse>> {
    const result = await paginate(this.dataSource.getRepository(CalendarEntity).createQueryBuilder('c'), 'c', page);
    return { items: result.items.map(toCalendarResponse), nextCursor: result.nextCursor };
  }

  async getCalendar(id: string): Promise<CalendarResponse> {
    const calendar = await this.dataSource.getRepository(CalendarEntity).findOneBy({ id });
    if (!calendar) throw DomainError.notFound('calendar');
    return toCalendarResponse(calendar);
  }

  createCalendar(command: CalendarCommand & { name: string }): Promise<CalendarResponse> {
    return inTransaction(this.dataSource, async (manager) => {
      if (await manager.existsBy(CalendarEntity, { name: command.name })) {
        throw DomainError.conflict('a calendar with this name exists', 'name');
      }
      const calendar = await manager.save(
        manager.create(CalendarEntity, {
          name: command.name,
          timeZone: 'Asia/Shanghai',
          holidays: [...new Set(command.holidays ?? [])],
          workdays: [...new Set(command.workdays ?? [])],
        }),
      );
      return toCalendarResponse(calendar);
    });
  }

  updateCalendar(id: string, command: CalendarCommand): Promise<CalendarResponse> {
    return inTransaction(this.dataSource, async (manager) => {
      const calendar = await manager.findOne(CalendarEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!calendar) throw DomainError.notFound('calendar');
      if (
        command.name !== undefined &&
        command.name !== calendar.name &&
        (await manager.existsBy(CalendarEntity, { name: command.name }))
      ) {
        throw DomainError.conflict('a calendar with this name exists', 'name');
      }
      calendar.name = command.name ?? calendar.name;
      calendar.holidays = command.holidays !== undefined ? [...new Set(command.holidays)] : calendar.holidays;
      calendar.workdays = command.workdays !== undefined ? [...new Set(command.workdays)] : calendar.workdays;
      return toCalendarResponse(await manager.save(calendar));
    });
  }

  /** The policies, `q` matching part of the name. */
  async listPolicies(query: PageRequest & { q?: string | undefined }): Promise<Page<SlaPolicyResponse>> {
    const qb = whereContains(
      this.dataSource.getRepository(SlaPolicyEntity).createQueryBuilder('p'),
      ['p.name'],
      query.q,
    );
    return mapPage(await paginate(qb, 'p', query), toSlaPolicyResponse);
  }

  async getPolicy(id: string): Promise<SlaPolicyResponse> {
    const policy = await this.dataSource.getRepository(SlaPolicyEntity).findOneBy({ id });
    if (!policy) throw DomainError.notFound('SLA policy');
    return toSlaPolicyResponse(policy);
  }

  createPolicy(command: SlaPolicyCommand): Promise<SlaPolicyResponse> {
    checkDurations(command);
    return inTransaction(this.dataSource, async (manager) => {
      await requireReferenced(manager, CalendarEntity, { id: command.calendarId }, 'calendarId', 'calendar');
      if (await manager.existsBy(SlaPolicyEntity, { name: command.name })) {
        throw DomainError.conflict('an SLA policy with this name exists', 'name');
      }
      if (command.isDefault === true) await manager.update(SlaPolicyEntity, { isDefault: true }, { isDefault: false });
      const policy = await manager.save(
        manager.create(SlaPolicyEntity, { ...command, isDefault: command.isDefault ?? false }),
      );
      return toSlaPolicyResponse(policy);
    });
  }

  /**
   * Changes a policy. Deadlines already open keep the due time they were given; the obligations opened
   * from now on take the new durations (and reminders and level-2 escalations read the policy as it is).
   * Making it the default takes the default from the policy that held it; a default cannot be unset
   * (another policy is made the default instead).
   */
  updatePolicy(id: string, command: Partial<SlaPolicyCommand>): Promise<SlaPolicyResponse> {
    checkDurations(command);
    return inTransaction(this.dataSource, async (manager) => {
      const policy = await manager.findOne(SlaPolicyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!policy) throw DomainError.notFound('SLA policy');
      if (command.calendarId !== undefined) {
        await requireReferenced(manager, CalendarEntity, { id: command.calendarId }, 'calendarId', 'calendar');
      }
      if (
        command.name !== undefined &&
        command.name !== policy.name &&
        (await manager.existsBy(SlaPolicyEntity, { name: command.name }))
      ) {
        throw DomainError.conflict('an SLA policy with this name exists', 'name');
      }
      if (command.isDefault === false && policy.isDefault) {
        throw DomainError.invalid('isDefault', 'make another policy the default instead');
      }
      if (command.isDefault === true && !policy.isDefault) {
        await manager.update(SlaPolicyEntity, { isDefault: true }, { isDefault: false });
      }
      policy.name = command.name ?? policy.name;
      policy.calendarId = command.calendarId ?? policy.calendarId;
      for (const field of DURATION_FIELDS) policy[field] = command[field] ?? policy[field];
      policy.isDefault = command.isDefault ?? policy.isDefault;
      return toSlaPolicyResponse(await manager.save(policy));
    });
  }
}

/** Each duration given must be business days ("3BD") or an ISO 8601 duration ("PT30S"). */
function checkDurations(command: Partial<SlaPolicyCommand>): void {
  for (const field of DURATION_FIELDS) {
    const value = command[field];
    if (value !== undefined && parseSlaDuration(value) === null) {
      throw DomainError.invalid(field, 'must be business days ("3BD") or an ISO 8601 duration ("PT30S")');
    }
  }
}
