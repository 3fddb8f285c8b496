import { Injectable } from '@nestjs/common';
import { IndustrialChainEntity, OrganizationEntity } from '@unblock/database';
import { routeCase, type RouteTarget, type RoutingTier } from '@unblock/domain';
import type { EntityManager } from 'typeorm';

/** Loads what the "1+2+N" rule needs (the chain, or the region's banks) and applies it. */
@Injectable()
export class CaseRouter {
  async target(
    manager: EntityManager,
    subject: { chainId: string | null; regionCode: string; declinedOrgIds: readonly string[] },
    fromTier: RoutingTier,
  ): Promise<RouteTarget | null> {
    if (subject.chainId !== null) {
      const chain = await manager.findOne(IndustrialChainEntity, {
        where: { id: subject.chainId },
        relations: { members: true },
      });
      if (chain) {
        return routeCase(
          {
            leadBankId: chain.leadBankId,
            deputyBankId: chain.deputyBankId,
            memberOrgIds: (chain.members ?? []).map((m) => m.id),
          },
          [],
          subject.declinedOrgIds,
          fromTier,
        );
      }
    }
    return routeCase(null, await this.regionalBanks(manager, subject.regionCode), subject.declinedOrgIds, fromTier);
  }

  /**
   * The banks of an enterprise's region: those whose region covers it (a provincial branch, a city branch,
   * a county branch) and those anywhere in its city.
   */
  private async regionalBanks(manager: EntityManager, regionCode: string): Promise<string[]> {
    const province = `${regionCode.slice(0, 2)}0000`;
    const city = `${regionCode.slice(0, 4)}00`;
    const rows = await manager
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where(`o.kind = 'bank'`)
      .andWhere('(o.regionCode IN (:...covering) OR o.regionCode BETWEEN :cityLow AND :cityHigh)', {
        covering: [province, city, regionCode],
        cityLow: city,
        cityHigh: `${regionCode.slice(0, 4)}99`,
      })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
