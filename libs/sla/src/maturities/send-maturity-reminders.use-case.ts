import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SlaPlans } from '@unblock/cases';
import {
  BANK_MANAGERS,
  CONTRACTS_TO_REMIND,
  INSERT_MATURITY_REMINDER,
  MATURITY_REMINDER_MARKS,
  inTransaction,
  type MaturityReminderMark,
} from '@unblock/database';
import {
  Clock,
  WEEKENDS_ONLY,
  addBusinessDays,
  fenToWanText,
  localDate,
  subtractBusinessDays,
  toFen,
  type BusinessCalendar,
} from '@unblock/domain';
import type { HandlerResult } from '@unblock/queue';
import { Notifier } from '@unblock/notifications';
import { DataSource, type EntityManager } from 'typeorm';

interface ContractToRemind {
  id: string;
  bank_id: string;
  amount: string;
  contract_no: string;
  matures_on: string;
  campaign_id: string;
  enterprise_name: string;
  sent: number[];
}

/** Advisory lock of the daily maturity reminders: one run at a time. */
const MATURITY_REMINDERS_LOCK = 7_260_018;

/**
 * The mark a contract maturing on `maturesOn` has reached today: the nearest of 30, 15 and 5 business days
 * before it whose day has come (null: none yet). Missed marks are passed over for the nearest.
 */
export function maturityMarkReached(
  maturesOn: string,
  today: string,
  calendar: BusinessCalendar,
): MaturityReminderMark | null {
  const maturity = new Date(`${maturesOn}T12:00:00Z`);
  let reached: MaturityReminderMark | null = null;
  for (const mark of MATURITY_REMINDER_MARKS) {
    if (subtractBusinessDays(maturity, mark, calendar) <= today) reached = mark;
  }
  return reached;
}

/**
 * Each day: the managers of the bank holding a contract are reminded 30, 15 and 5 business days before it
 * matures (on its campaign's calendar), once per mark (`maturity_reminders`), only the nearest mark when
 * several were missed, and not when a renewal was applied for. Run again, it sends nothing twice.
 */
@Injectable()
export class SendMaturityRemindersUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly plans: SlaPlans,
    private readonly notifier: Notifier,
  ) {}

  execute(): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const [locked] = await manager.query<{ ok: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
        MATURITY_REMINDERS_LOCK,
      ]);
      if (locked?.ok !== true) return { skipped: 'another run is sending the maturity reminders' };
      const now = this.clock.now();
      const today = localDate(now, WEEKENDS_ONLY);
      // Past 30 business days (and a week of days off) from today, no mark is reached.
      const last = addBusinessDays(new Date(`${today}T12:00:00Z`), MATURITY_REMINDER_MARKS[0] + 5, WEEKENDS_ONLY);
      const contracts = await manager.query<ContractToRemind[]>(CONTRACTS_TO_REMIND, [today, last]);
      const calendars = new Map<string, BusinessCalendar>();
      let sent = 0;
      for (const contract of contracts) {
        let calendar = calendars.get(contract.campaign_id);
        if (calendar === undefined) {
          calendar = (await this.plans.planFor(manager, contract.campaign_id)).calendar;
          calendars.set(contract.campaign_id, calendar);
        }
        const mark = maturityMarkReached(contract.matures_on, today, calendar);
        if (mark === null || contract.sent.some((s) => s <= mark)) continue;
        sent += await this.remind(manager, contract, mark, now);
      }
      return { done: `sent ${sent} maturity reminders` };
    });
  }

  private async remind(
    manager: EntityManager,
    contract: ContractToRemind,
    mark: MaturityReminderMark,
    now: Date,
  ): Promise<number> {
    const recorded = await manager.query<{ id: string }[]>(INSERT_MATURITY_REMINDER, [
      contract.id,
      mark,
      contract.matures_on,
      now,
    ]);
    if (recorded.length === 0) return 0;
    const managers = await manager.query<{ id: string }[]>(BANK_MANAGERS, [contract.bank_id]);
    await this.notifier.notify(
      manager,
      managers.map((m) => m.id),
      {
        kind: 'maturity',
        caseId: null,
        title: `贷款到期提醒：${contract.enterprise_name}的贷款（合同 ${contract.contract_no}，${fenToWanText(toFen(contract.amount))}元）将于 ${contract.matures_on} 到期，还有 ${mark} 个工作日`,
        data: {
          contractId: contract.id,
          contractNo: contract.contract_no,
          enterpriseName: contract.enterprise_name,
          amount: contract.amount,
          maturesOn: contract.matures_on,
          daysBefore: mark,
          link: `/maturing?from=${contract.matures_on}`,
        },
        key: `maturity.${contract.id}.${mark}`,
      },
    );
    return 1;
  }
}
