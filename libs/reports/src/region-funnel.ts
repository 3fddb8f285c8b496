import { DeclineReasonEntity, RegionEntity } from '@unblock/database';
import type { BusinessCalendar } from '@unblock/domain';
import { IsNull, type EntityManager } from 'typeorm';
import {
  CampaignFigures,
  NeedsBySource,
  ScreeningFigures,
  campaignFigures,
  emptyTotals,
  figuresFrom,
} from './campaign-figures';
import { FunnelFigures } from './funnel-figures';
import { ReportFilter, type ReportQuery } from './report-filter';
import { rollupTotals } from './rollup-figures';

/** The funnel of one child region: the additive figures only (no distinct enterprises), from the region rollup. */
export class RegionFunnel {
  regionCode!: string;
  regionName!: string;
  visits!: number;
  needsDiagnosed!: number;
  needsBySource!: NeedsBySource;
  screening!: ScreeningFigures;
  funnel!: FunnelFigures;
  signedAmount!: string;
  signedCount!: number;
  /** Claims within their deadline among the claim deadlines met or missed, 4 decimals; null without any. */
  claimsWithinSlaShare!: string | null;
}

function regionFunnel(region: RegionEntity, f: CampaignFigures): RegionFunnel {
  return {
    regionCode: region.code,
    regionName: region.name,
    visits: f.visits,
    needsDiagnosed: f.needsDiagnosed,
    needsBySource: f.needsBySource,
    screening: f.screening,
    funnel: f.funnel,
    signedAmount: f.signedAmount,
    signedCount: f.signedCount,
    claimsWithinSlaShare: f.claimsWithinSlaShare,
  };
}

/** The child regions whose funnels a summary lists: of the query's region, else the reader's scope. */
export async function childRegions(manager: EntityManager, parent: string | null): Promise<RegionEntity[]> {
  return manager.find(RegionEntity, { where: { parentCode: parent ?? IsNull() }, order: { code: 'ASC' } });
}

/** How many leading digits of a region code name a child of `parent` (a province, city or county below it). */
export function childDigits(parent: string | null): number {
  if (parent === null) return 2;
  return parent.endsWith('0000') ? 4 : 6;
}

/**
 * Each child region's funnel from the region rollup: one read of the rows within `regions`, summed per child
 * by the database; of a whole campaign (`allDays`), its all-days region rows.
 */
export async function regionFunnelsFromRollups(
  manager: EntityManager,
  parent: string | null,
  query: ReportQuery,
  regions: readonly (readonly [string, string])[],
  allDays: boolean,
): Promise<RegionFunnel[]> {
  const [children, totals] = await Promise.all([
    childRegions(manager, parent),
    rollupTotals(manager, { kind: allDays ? 'R' : 'r', query, regions }, childDigits(parent), false),
  ]);
  return children.map((child) =>
    regionFunnel(child, figuresFrom(totals.get(child.code) ?? emptyTotals(), { visited: 0, financed: 0, withNeed: 0 })),
  );
}

/** The same funnels from the base tables (the reference the rollups are tested against). */
export async function regionFunnelsFromBaseTables(
  manager: EntityManager,
  parent: string | null,
  filterFor: (regionCode: string) => ReportFilter,
  calendar: BusinessCalendar,
  now: Date,
): Promise<RegionFunnel[]> {
  const result: RegionFunnel[] = [];
  for (const child of await childRegions(manager, parent)) {
    result.push(regionFunnel(child, await campaignFigures(manager, filterFor(child.code), calendar, now)));
  }
  return result;
}

/** Gives each decline reason of the funnels its catalogue name (the code where the catalogue lacks it). */
export async function nameDeclines(manager: EntityManager, funnels: readonly FunnelFigures[]): Promise<void> {
  if (funnels.every((f) => f.declinesByReason.length === 0)) return;
  const names = new Map(
    (await manager.find(DeclineReasonEntity, { select: { code: true, name: true } })).map((r) => [r.code, r.name]),
  );
  for (const funnel of funnels) {
    for (const entry of funnel.declinesByReason) entry.name = names.get(entry.reason) ?? entry.reason;
  }
}
