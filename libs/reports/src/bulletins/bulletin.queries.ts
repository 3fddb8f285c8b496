import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BulletinEntity, paginate, type PageRequest } from '@unblock/database';
import { DomainError, canReadRegion, readScope, regionCodeRange, type Actor } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { Bulletin, BulletinContent, BulletinPage, BulletinSummary } from './bulletin.response';

function toSummary(bulletin: BulletinEntity): BulletinSummary {
  const content = bulletin.content as BulletinContent;
  return {
    id: bulletin.id,
    regionCode: bulletin.regionCode,
    regionName: content.regionName,
    day: bulletin.day,
    createdAt: bulletin.createdAt,
    overdue: content.cases.overdue,
    escalated: content.cases.escalated,
    laggards: content.laggards.length,
  };
}

/** The bulletins of the reader's region and its descendants, newest first. */
@Injectable()
export class BulletinQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, page: PageRequest): Promise<BulletinPage> {
    const qb = this.dataSource.getRepository(BulletinEntity).createQueryBuilder('b');
    const scope = readScope(actor);
    if (scope !== null) {
      const [low, high] = regionCodeRange(scope);
      qb.where('b.regionCode BETWEEN :low AND :high', { low, high });
    }
    const found = await paginate(qb, 'b', page, 'DESC');
    return { ...found, items: found.items.map(toSummary) };
  }

  async get(actor: Actor, id: string): Promise<Bulletin> {
    const bulletin = await this.dataSource.manager.findOneBy(BulletinEntity, { id });
    if (bulletin === null || !canReadRegion(actor, bulletin.regionCode)) throw DomainError.notFound('bulletin');
    return { ...toSummary(bulletin), content: bulletin.content as BulletinContent };
  }
}
