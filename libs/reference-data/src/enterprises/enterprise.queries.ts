import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseEntity, mapPage, paginate, type Page, type PageRequest } from '@unblock/database';
import { DomainError, type Actor, type ChainRole, type EnterpriseSize, type EnterpriseTag } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { whereContains, whereInScope, whereWithinRegion } from '@unblock/database';
import { EnterpriseResponse, toEnterpriseResponse } from './enterprise.response';

export interface ListEnterprisesQuery extends PageRequest {
  readonly regionCode?: string | undefined;
  readonly chainId?: string | undefined;
  readonly chainRole?: ChainRole | undefined;
  readonly size?: EnterpriseSize | undefined;
  readonly tag?: EnterpriseTag | undefined;
  /** Exact unified social credit code (normalized). */
  readonly uscc?: string | undefined;
  /** Part of the name or of the unified social credit code. */
  readonly q?: string | undefined;
  /** These enterprises only. */
  readonly ids?: readonly string[] | undefined;
}

/** Enterprises within the actor's region scope (all of them for an admin). */
@Injectable()
export class EnterpriseQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: ListEnterprisesQuery): Promise<Page<EnterpriseResponse>> {
    const qb = this.dataSource.getRepository(EnterpriseEntity).createQueryBuilder('e');
    whereInScope(qb, actor, 'e.regionCode');
    whereWithinRegion(qb, 'e.regionCode', query.regionCode);
    if (query.chainId !== undefined) qb.andWhere('e.chainId = :chainId', { chainId: query.chainId });
    if (query.chainRole !== undefined) qb.andWhere('e.chainRole = :chainRole', { chainRole: query.chainRole });
    if (query.size !== undefined) qb.andWhere('e.size = :size', { size: query.size });
    if (query.tag !== undefined) qb.andWhere(':tag = ANY(e.tags)', { tag: query.tag });
    if (query.uscc !== undefined) qb.andWhere('e.uscc = :uscc', { uscc: query.uscc });
    whereContains(qb, ['e.name', 'e.uscc'], query.q);
    if (query.ids !== undefined) qb.andWhere('e.id = ANY(:ids)', { ids: query.ids });
    return mapPage(await paginate(qb, 'e', query), toEnterpriseResponse);
  }

  async get(actor: Actor, id: string): Promise<EnterpriseResponse> {
    const qb = this.dataSource.getRepository(EnterpriseEntity).createQueryBuilder('e').where('e.id = :id', { id });
    const enterprise = await whereInScope(qb, actor, 'e.regionCode').getOne();
    if (!enterprise) throw DomainError.notFound('enterprise');
    return toEnterpriseResponse(enterprise);
  }
}
