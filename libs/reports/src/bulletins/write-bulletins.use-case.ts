import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BulletinEntity, INSERT_BULLETIN, UserEntity } from '@unblock/database';
import { Clock, WEEKENDS_ONLY, localDate } from '@unblock/domain';
import { DataSource, In } from 'typeorm';
import { BulletinComposer } from './bulletin-composer';

/** What a morning's run wrote, and every bulletin of the day (written now or before) for its announcements. */
export interface WrittenBulletins {
  readonly day: string;
  readonly written: number;
  readonly bulletins: readonly { readonly id: string; readonly regionCode: string }[];
}

/** The day before an ISO date. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Every morning, one bulletin (日通报) per region of the active supervisors, on the day before (Asia/Shanghai).
 * Idempotent: a region's bulletin of a day is written once (unique per region and day); it answers every
 * bulletin of the day, so that their announcements (idempotent too) are made even after a crash between the two.
 */
@Injectable()
export class WriteBulletins {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly composer: BulletinComposer,
  ) {}

  async execute(): Promise<WrittenBulletins> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const day = dayBefore(localDate(now, WEEKENDS_ONLY));
    const supervisors = await manager.find(UserEntity, {
      where: { role: 'supervisor', active: true },
      select: ['id', 'organizationId', 'regionCode'],
      order: { createdAt: 'ASC' },
    });
    const regions = [...new Set(supervisors.flatMap((s) => (s.regionCode === null ? [] : [s.regionCode])))].sort();
    const done = new Set(
      (await manager.find(BulletinEntity, { where: { day, regionCode: In(regions) }, select: ['regionCode'] })).map(
        (b) => b.regionCode,
      ),
    );
    let written = 0;
    for (const regionCode of regions.filter((r) => !done.has(r))) {
      const reader = supervisors.find((s) => s.regionCode === regionCode);
      if (reader === undefined) continue;
      const content = await this.composer.compose(
        { userId: reader.id, role: 'supervisor', organizationId: reader.organizationId, regionCode },
        regionCode,
        day,
        now,
      );
      const inserted = await manager.query<{ id: string }[]>(INSERT_BULLETIN, [
        regionCode,
        day,
        JSON.stringify(content),
      ]);
      written += inserted.length;
    }
    const bulletins = await manager.find(BulletinEntity, {
      where: { day, regionCode: In(regions) },
      select: ['id', 'regionCode'],
      order: { regionCode: 'ASC' },
    });
    return { day, written, bulletins: bulletins.map((b) => ({ id: b.id, regionCode: b.regionCode })) };
  }
}
