import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MATURITY_CALENDAR } from '@unblock/database';
import {
  Clock,
  DomainError,
  WEEKENDS_ONLY,
  businessDaysBetween,
  endOfLocalDay,
  fromFen,
  localDate,
  readScope,
  regionCodeRange,
  toFen,
  type Actor,
  type CaseStatus,
  type LoanRenewal,
} from '@unblock/domain';
import { DataSource } from 'typeorm';
import { SlaPlans } from '../sla-plans/sla-plans.service';
import type {
  MaturingContractResponse,
  MaturityCalendarResponse,
  MaturityWeekResponse,
} from './maturity-calendar.response';

export interface MaturityCalendarQuery {
  /** The first and last maturity dates shown; today and 60 days on when left out. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly bankId?: string | undefined;
  readonly regionCode?: string | undefined;
}

interface CalendarRow {
  id: string;
  contract_no: string;
  amount: string;
  matures_on: string;
  signed_on: string;
  bank_id: string;
  bank_name: string;
  case_id: string;
  case_number: string;
  enterprise_id: string;
  enterprise_name: string;
  region_code: string;
  renewal_case_id: string | null;
  renewal_case_number: string | null;
  renewal_case_status: CaseStatus | null;
  requested_renewal: Exclude<LoanRenewal, 'none'> | null;
}

/** The most contracts one calendar answers. */
const CALENDAR_LIMIT = 1000;
/** The default window, in days from today. */
const DEFAULT_DAYS = 60;
/** The longest window asked, in days. */
const MAX_DAYS = 366;
const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of a date's week. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The maturity calendar (到期日历): the loan contracts maturing in a window, as the caller may see them — a
 * bank manager their bank's, a field officer or supervisor their region's (its descendants), an admin all —
 * with the business days left on the default calendar, the renewal applied for, and each week's sum.
 */
@Injectable()
export class MaturityCalendarQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly plans: SlaPlans,
  ) {}

  async calendar(actor: Actor, query: MaturityCalendarQuery): Promise<MaturityCalendarResponse> {
    const now = this.clock.now();
    const today = localDate(now, WEEKENDS_ONLY);
    const from = query.from ?? today;
    const to = query.to ?? addDays(from, DEFAULT_DAYS);
    if (to < from) throw DomainError.invalid('to', 'must not be before from');
    if (Date.parse(to) - Date.parse(from) > MAX_DAYS * DAY) {
      throw DomainError.invalid('to', `the window is at most ${MAX_DAYS} days`);
    }
    let bankId = query.bankId ?? null;
    if (actor.role === 'bank_manager') {
      // A bank manager's calendar is their bank's; another bank's holds nothing for them.
      if (bankId !== null && bankId !== actor.organizationId)
        return { from, to, items: [], weeks: [], truncated: false };
      bankId = actor.organizationId;
    }
    const scope = readScope(actor);
    let [low, high] = scope === null ? ['000000', '999999'] : regionCodeRange(scope);
    if (query.regionCode !== undefined) {
      const [fLow, fHigh] = regionCodeRange(query.regionCode);
      [low, high] = [fLow > low ? fLow : low, fHigh < high ? fHigh : high];
    }
    const rows = await this.dataSource.query<CalendarRow[]>(MATURITY_CALENDAR, [
      from,
      to,
      bankId,
      low,
      high,
      CALENDAR_LIMIT + 1,
    ]);
    const { calendar } = await this.plans.defaultPlan(this.dataSource.manager);
    const items: MaturingContractResponse[] = rows.slice(0, CALENDAR_LIMIT).map((r) => ({
      id: r.id,
      contractNo: r.contract_no,
      amount: fromFen(toFen(r.amount)),
      signedOn: r.signed_on,
      maturesOn: r.matures_on,
      businessDaysLeft:
        r.matures_on < today ? 0 : businessDaysBetween(now, endOfLocalDay(r.matures_on, calendar), calendar),
      bankId: r.bank_id,
      bankName: r.bank_name,
      caseId: r.case_id,
      caseNumber: r.case_number,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      regionCode: r.region_code,
      renewalCase:
        r.renewal_case_id === null || r.renewal_case_number === null || r.renewal_case_status === null
          ? null
          : {
              id: r.renewal_case_id,
              number: r.renewal_case_number,
              status: r.renewal_case_status,
              requestedRenewal: r.requested_renewal ?? 'renewal',
            },
    }));
    const weeks = new Map<string, { count: number; fen: bigint; renewals: number }>();
    for (const item of items) {
      const key = mondayOf(item.maturesOn);
      const week = weeks.get(key) ?? { count: 0, fen: 0n, renewals: 0 };
      week.count += 1;
      week.fen += toFen(item.amount);
      if (item.renewalCase !== null) week.renewals += 1;
      weeks.set(key, week);
    }
    const weekList: MaturityWeekResponse[] = [...weeks.entries()].map(([weekOf, w]) => ({
      weekOf,
      count: w.count,
      amount: fromFen(w.fen),
      renewals: w.renewals,
    }));
    return { from, to, items, weeks: weekList, truncated: rows.length > CALENDAR_LIMIT };
  }
}
