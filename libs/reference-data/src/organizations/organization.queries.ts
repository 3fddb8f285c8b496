import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationEntity, mapPage, paginate, type Page, type PageRequest } from '@unblock/database';
import { DomainError, type OrganizationKind } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { whereContains, whereWithinRegion } from '@unblock/database';
import { OrganizationResponse, toOrganizationResponse } from './organization.response';

export interface ListOrganizationsQuery extends PageRequest {
  readonly kind?: OrganizationKind | undefined;
  readonly regionCode?: string | undefined;
  /** Part of the name. */
  readonly q?: string | undefined;
}

/** Organizations are a directory every authenticated user reads whole (a bank must find its partners). */
@Injectable()
export class OrganizationQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListOrganizationsQuery): Promise<Page<OrganizationResponse>> {
    const qb = this.dataSource.getRepository(OrganizationEntity).createQueryBuilder('o');
    if (query.kind !== undefined) qb.andWhere('o.kind = :kind', { kind: query.kind });
    whereWithinRegion(qb, 'o.regionCode', query.regionCode);
    whereContains(qb, ['o.name'], query.q);
    return mapPage(await paginate(qb, 'o', query), toOrganizationResponse);
  }

  async get(id: string): Promise<OrganizationResponse> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
    if (!organization) throw DomainError.notFound('organization');
    return toOrganizationResponse(organization);
  }
}
