import { Injectable } from '@nestjs/common';
import { IndustrialChainEntity, OrganizationEntity } from '@unblock/database';
import { routeCase, type RouteTarget, type RoutingTier } from '@unblock/domain';
import { In, type EntityManager } from 'typeorm';

/** What routing reads of a case. */
export interface RouteSubject {
  readonly chainId: string | null;
  readonly regionCode: string;
  readonly declinedOrgIds: readonly string[];
}

/** Loads what the "1+2+N" rule needs (the chain, or the region's banks) and applies it. */
@Injectable()
export class CaseRouter {
  async target(manager: EntityManager, subject: RouteSubject, fromTier: RoutingTier): Promise<RouteTarget | null> {
    const [target] = await this.targets(manager, [{ subject, fromTier }]);
    return target ?? null;
  }

  /**
   * The targets of many cases at once, in order: their chains in one query, and the banks of each region
   * without a chain once per region.
   */
  async targets(
    manager: EntityManager,
    requests: readonly { readonly subject: RouteSubject; readonly fromTier: RoutingTier }[],
  ): Promise<(RouteTarget | null)[]> {
    const chainIds = [...new Set(requests.flatMap((r) => (r.subject.chainId !== null ? [r.subject.chainId] : [])))];
    const chains = new Map(
      (chainIds.length === 0
        ? []
        : await manager.find(IndustrialChainEntity, { where: { id: In(chainIds) }, relations: { members: true } })
      ).map((chain) => [chain.id, chain]),
    );
    const banks = new Map<string, string[]>();
    const targets: (RouteTarget | null)[] = [];
    for (const { subject, fromTier } of requests) {
      const chain = subject.chainId !== null ? chains.get(subject.chainId) : undefined;
      if (chain) {
        const routing = {
          leadBankId: chain.leadBankId,
          deputyBankId: chain.deputyBankId,
          memberOrgIds: (chain.members ?? []).map((m) => m.id),
        };
        targets.push(routeCase(routing, [], subject.declinedOrgIds, fromTier));
        continue;
      }
      let regional = banks.get(subject.regionCode);
      if (regional === undefined) {
        regional = await this.regionalBanks(manager, subject.regionCode);
        banks.set(subject.regionCode, regional);
      }
      targets.push(routeCase(null, regional, subject.declinedOrgIds, fromTier));
    }
    return targets;
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
