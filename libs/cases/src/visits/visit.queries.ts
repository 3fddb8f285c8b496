import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { VisitEntity, paginate, whereWithinRegion, type Page, type PageRequest } from '@unblock/database';
import { DomainError, type Actor, type VisitKind } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { whereVisitVisible } from './visit-visibility';
import { VisitResponse, toVisitResponse } from './visit.response';

export interface ListVisitsQuery extends PageRequest {
  readonly campaignId?: string | undefined;
  readonly enterpriseId?: string | undefined;
  readonly regionCode?: string | undefined;
  readonly visitorUserId?: string | undefined;
  readonly kind?: VisitKind | undefined;
  /** Visited on or after this ISO date. */
  readonly from?: string | undefined;
  /** Visited on or before this ISO date. */
  readonly to?: string | undefined;
}

@Injectable()
export class VisitQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: ListVisitsQuery): Promise<Page<VisitResponse>> {
    const qb = whereVisitVisible(this.dataSource.getRepository(VisitEntity).createQueryBuilder('v'), actor);
    if (query.campaignId !== undefined) qb.andWhere('v.campaignId = :campaignId', { campaignId: query.campaignId });
    if (query.enterpriseId !== undefined) {
      qb.andWhere('v.enterpriseId = :enterpriseId', { enterpriseId: query.enterpriseId });
    }
    if (query.visitorUserId !== undefined) {
      qb.andWhere('v.visitorUserId = :visitorUserId', { visitorUserId: query.visitorUserId });
    }
    if (query.kind !== undefined) qb.andWhere('v.kind = :kind', { kind: query.kind });
    whereWithinRegion(qb, 'v.regionCode', query.regionCode);
    if (query.from !== undefined) qb.andWhere('v.visitedOn >= :from', { from: query.from });
    if (query.to !== undefined) qb.andWhere('v.visitedOn <= :to', { to: query.to });
    // Newest first: what an officer opening their visits, or a supervisor their region's, looks for.
    const page = await paginate(qb, 'v', query, 'DESC');
    return { items: page.items.map(toVisitResponse), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<VisitResponse> {
    const qb = this.dataSource.getRepository(VisitEntity).createQueryBuilder('v').where('v.id = :id', { id });
    const visit = await whereVisitVisible(qb, actor).getOne();
    if (!visit) throw DomainError.notFound('visit');
    return toVisitResponse(visit);
  }
}
