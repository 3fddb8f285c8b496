import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity, inTransaction } from '@unblock/database';
import { DataSource, In } from 'typeorm';
import { Notifier } from './notifier.service';

/** "日通报（12月6日）已发布": the inbox's notice of a day's bulletin. */
export function bulletinTitle(day: string): string {
  const [, month = '', date = ''] = day.split('-');
  return `日通报（${Number(month)}月${Number(date)}日）已发布`;
}

/**
 * Announces each bulletin of a day in the inboxes of the active supervisors of its region, once per region
 * and day (the notice's key): announcing again writes nothing.
 */
@Injectable()
export class BulletinNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
  ) {}

  /** Answers how many inbox copies were new. */
  announce(day: string, bulletins: readonly { readonly id: string; readonly regionCode: string }[]): Promise<number> {
    return inTransaction(this.dataSource, async (manager) => {
      const supervisors = await manager.find(UserEntity, {
        where: { role: 'supervisor', active: true, regionCode: In(bulletins.map((b) => b.regionCode)) },
        select: ['id', 'regionCode'],
      });
      const counts = await this.notifier.notifyMany(
        manager,
        bulletins.map((b) => ({
          userIds: supervisors.filter((s) => s.regionCode === b.regionCode).map((s) => s.id),
          notice: {
            kind: 'bulletin' as const,
            caseId: null,
            title: bulletinTitle(day),
            data: { bulletinId: b.id, day, regionCode: b.regionCode },
            key: `bulletin.${b.regionCode}.${day}`,
          },
        })),
      );
      return counts.reduce((sum, n) => sum + n, 0);
    });
  }
}
