import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CampaignEntity, mapPage, paginate, type Page, type PageRequest } from '@unblock/database';
import {
  DomainError,
  readScope,
  regionCodeRange,
  regionScopePrefix,
  type Actor,
  type CampaignKind,
} from '@unblock/domain';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { whereContains, whereWithinRegion } from '@unblock/database';
import { CampaignResponse, toCampaignResponse } from './campaign.response';

export interface ListCampaignsQuery extends PageRequest {
  readonly kind?: CampaignKind | undefined;
  readonly regionCode?: string | undefined;
  /** Campaigns running on this ISO date. */
  readonly activeOn?: string | undefined;
  /** Part of the name. */
  readonly q?: string | undefined;
}

/**
 * A campaign is visible when it runs in the actor's scope or in a region that contains the actor's
 * (a city's officer takes part in the province's campaign).
 */
@Injectable()
export class CampaignQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private base(actor: Actor): SelectQueryBuilder<CampaignEntity> {
    const qb = this.dataSource.getRepository(CampaignEntity).createQueryBuilder('c');
    const scope = readScope(actor);
    if (scope !== null) {
      const [low, high] = regionCodeRange(scope);
      const prefix = regionScopePrefix(scope);
      const ancestors = [prefix.slice(0, 2).padEnd(6, '0'), prefix.slice(0, 4).padEnd(6, '0')];
      qb.andWhere(
        new Brackets((or) => {
          or.where('c.regionCode BETWEEN :scopeLow AND :scopeHigh', { scopeLow: low, scopeHigh: high }).orWhere(
            'c.regionCode IN (:...ancestors)',
            { ancestors },
          );
        }),
      );
    }
    return qb;
  }

  async list(actor: Actor, query: ListCampaignsQuery): Promise<Page<CampaignResponse>> {
    const qb = this.base(actor);
    if (query.kind !== undefined) qb.andWhere('c.kind = :kind', { kind: query.kind });
    whereWithinRegion(qb, 'c.regionCode', query.regionCode);
    if (query.activeOn !== undefined) {
      qb.andWhere(':activeOn BETWEEN c.startsOn AND c.endsOn', { activeOn: query.activeOn });
    }
    whereContains(qb, ['c.name'], query.q);
    return mapPage(await paginate(qb, 'c', query), toCampaignResponse);
  }

  async get(actor: Actor, id: string): Promise<CampaignResponse> {
    const campaign = await this.base(actor).andWhere('c.id = :id', { id }).getOne();
    if (!campaign) throw DomainError.notFound('campaign');
    return toCampaignResponse(campaign);
  }
}
