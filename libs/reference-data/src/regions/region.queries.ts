import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RegionEntity, mapPage, paginate, type Page, type PageRequest } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { whereContains, whereWithinRegion } from '@unblock/database';
import { RegionResponse, toRegionResponse } from './region.response';

export interface ListRegionsQuery extends PageRequest {
  readonly parentCode?: string | undefined;
  /** The region and every descendant. */
  readonly within?: string | undefined;
  /** Part of the name or the code. */
  readonly q?: string | undefined;
}

/** Regions are a directory every authenticated user reads whole. */
@Injectable()
export class RegionQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListRegionsQuery): Promise<Page<RegionResponse>> {
    const qb = this.dataSource.getRepository(RegionEntity).createQueryBuilder('r');
    if (query.parentCode !== undefined) qb.andWhere('r.parentCode = :parentCode', { parentCode: query.parentCode });
    whereWithinRegion(qb, 'r.code', query.within);
    whereContains(qb, ['r.name', 'r.code'], query.q);
    return mapPage(await paginate(qb, 'r', query), toRegionResponse);
  }

  async get(code: string): Promise<RegionResponse> {
    const region = await this.dataSource.getRepository(RegionEntity).findOneBy({ code });
    if (!region) throw DomainError.notFound('region');
    return toRegionResponse(region);
  }
}
