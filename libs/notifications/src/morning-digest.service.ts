import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OVERDUE_CASES_PER_BANK, OVERDUE_CASES_PER_REGION, UserEntity, inTransaction } from '@unblock/database';
import { Clock, WEEKENDS_ONLY, isWithinRegion, localDate } from '@unblock/domain';
import type { HandlerResult } from '@unblock/queue';
import { DataSource } from 'typeorm';
import { Notifier } from './notifier.service';

/** Each morning: every bank manager and supervisor with overdue cases gets one digest of them (once a day). */
@Injectable()
export class MorningDigest {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  send(): Promise<HandlerResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const day = localDate(now, WEEKENDS_ONLY);
      const perBank = await manager.query<{ organization_id: string; overdue: string; case_ids: string[] }[]>(
        OVERDUE_CASES_PER_BANK,
        [now],
      );
      const perRegion = await manager.query<{ region_code: string; overdue: string }[]>(OVERDUE_CASES_PER_REGION, [
        now,
      ]);
      const users = await manager.find(UserEntity, {
        where: [
          { role: 'bank_manager', active: true },
          { role: 'supervisor', active: true },
        ],
        select: ['id', 'role', 'organizationId', 'regionCode'],
      });
      let sent = 0;
      for (const user of users) {
        let overdue = 0;
        let caseIds: string[] = [];
        if (user.role === 'bank_manager') {
          const row = perBank.find((r) => r.organization_id === user.organizationId);
          overdue = Number(row?.overdue ?? 0);
          caseIds = row?.case_ids ?? [];
        } else if (user.regionCode !== null) {
          const scope = user.regionCode;
          overdue = perRegion
            .filter((r) => isWithinRegion(r.region_code, scope))
            .reduce((s, r) => s + Number(r.overdue), 0);
        }
        if (overdue === 0) continue;
        sent += await this.notifier.notify(manager, [user.id], {
          kind: 'digest',
          caseId: null,
          title: `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日：${overdue} 件需求逾期`,
          data: { day, overdue, caseIds },
          key: `digest.${day}`,
        });
      }
      return { done: `sent ${sent} digests` };
    });
  }
}
