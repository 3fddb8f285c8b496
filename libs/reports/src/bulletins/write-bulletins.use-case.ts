import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BulletinEntity, INSERT_BULLETIN, UserEntity, inTransaction } from '@unblock/database';
import { Clock, WEEKENDS_ONLY, localDate } from '@unblock/domain';
import { Notifier } from '@unblock/notifications';
import type { HandlerResult } from '@unblock/queue';
import { DataSource, In } from 'typeorm';
import { BulletinComposer } from './bulletin-composer';

/** The day before an ISO date. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** "日通报（12月6日）已发布": the inbox's notice of a new bulletin. */
export function bulletinTitle(day: string): string {
  const [, month = '', date = ''] = day.split('-');
  return `日通报（${Number(month)}月${Number(date)}日）已发布`;
}

/**
 * Every morning, one bulletin (日通报) per region of the active supervisors, on the day before (Asia/Shanghai),
 * each announced in the inbox of that region's supervisors. Idempotent: a region's bulletin of a day is written
 * once (unique per region and day), and only a bulletin written by this run is announced.
 */
@Injectable()
export class WriteBulletins {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly composer: BulletinComposer,
    private readonly notifier: Notifier,
  ) {}

  async execute(): Promise<HandlerResult> {
    const now = this.clock.now();
    const day = dayBefore(localDate(now, WEEKENDS_ONLY));
    const supervisors = await this.dataSource.manager.find(UserEntity, {
      where: { role: 'supervisor', active: true },
      select: ['id', 'organizationId', 'regionCode'],
      order: { createdAt: 'ASC' },
    });
    const regions = [...new Set(supervisors.flatMap((s) => (s.regionCode === null ? [] : [s.regionCode])))].sort();
    const written = new Set(
      (
        await this.dataSource.manager.find(BulletinEntity, {
          where: { day, regionCode: In(regions) },
          select: ['regionCode'],
        })
      ).map((b) => b.regionCode),
    );
    let count = 0;
    for (const regionCode of regions.filter((r) => !written.has(r))) {
      const readers = supervisors.filter((s) => s.regionCode === regionCode);
      const first = readers[0];
      if (first === undefined) continue;
      const content = await this.composer.compose(
        { userId: first.id, role: 'supervisor', organizationId: first.organizationId, regionCode },
        regionCode,
        day,
        now,
      );
      count += await inTransaction(this.dataSource, async (manager) => {
        const [row] = await manager.query<{ id: string }[]>(INSERT_BULLETIN, [
          regionCode,
          day,
          JSON.stringify(content),
        ]);
        if (row === undefined) return 0;
        await this.notifier.notify(
          manager,
          readers.map((r) => r.id),
          {
            kind: 'bulletin',
            caseId: null,
            title: bulletinTitle(day),
            data: { bulletinId: row.id, day, regionCode },
            key: `bulletin.${regionCode}.${day}`,
          },
        );
        return 1;
      });
    }
    return count === 0
      ? { skipped: `the bulletins of ${day} are written` }
      : { done: `wrote ${count} bulletins of ${day}` };
  }
}
