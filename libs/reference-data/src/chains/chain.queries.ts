import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IndustrialChainEntity, mapPage, paginate, type Page, type PageRequest } from '@unblock/database';
import { DomainError, readScope, regionCodeRange, type Actor } from '@unblock/domain';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { whereContains, whereWithinRegion } from '@unblock/database';
import { IndustrialChainResponse, toChainResponse } from './chain.response';

export interface ListChainsQuery extends PageRequest {
  readonly regionCode?: string | undefined;
  /** Chains in which this organization is the lead bank, the deputy or a member. */
  readonly organizationId?: string | undefined;
  /** Part of the name. */
  readonly q?: string | undefined;
}

/**
 * A chain is visible to an admin, to anyone whose region scope covers it, and to the users of an
 * organization that takes part in it.
 */
@Injectable()
export class ChainQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private base(actor: Actor): SelectQueryBuilder<IndustrialChainEntity> {
    const qb = this.dataSource
      .getRepository(IndustrialChainEntity)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.members', 'member');
    const scope = readScope(actor);
    if (scope !== null) {
      const [low, high] = regionCodeRange(scope);
      qb.andWhere(
        new Brackets((or) => {
          or.where('c.regionCode BETWEEN :scopeLow AND :scopeHigh', { scopeLow: low, scopeHigh: high });
          if (actor.organizationId !== null) {
            or.orWhere(
              `(c.leadBankId = :actorOrg OR c.deputyBankId = :actorOrg OR EXISTS (
                SELECT 1 FROM industrial_chain_members m WHERE m.chain_id = c.id AND m.organization_id = :actorOrg))`,
              { actorOrg: actor.organizationId },
            );
          }
        }),
      );
    }
    return qb;
  }

  async list(actor: Actor, query: ListChainsQuery): Promise<Page<IndustrialChainResponse>> {
    const qb = this.base(actor);
    whereWithinRegion(qb, 'c.regionCode', query.regionCode);
    if (query.organizationId !== undefined) {
      qb.andWhere(
        `(c.leadBankId = :org OR c.deputyBankId = :org OR EXISTS (
          SELECT 1 FROM industrial_chain_members m2 WHERE m2.chain_id = c.id AND m2.organization_id = :org))`,
        { org: query.organizationId },
      );
    }
    whereContains(qb, ['c.name'], query.q);
    return mapPage(await paginate(qb, 'c', query), toChainResponse);
  }

  async get(actor: Actor, id: string): Promise<IndustrialChainResponse> {
    const chain = await this.base(actor).andWhere('c.id = :id', { id }).getOne();
    if (!chain) throw DomainError.notFound('industrial chain');
    return toChainResponse(chain);
  }
}
