import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CampaignEntity,
  OVERDUE_OR_ESCALATED_CASES_IN_REGION,
  RegionEntity,
  type LaggardThresholds,
} from '@unblock/database';
import { isWithinRegion, regionCodeRange, type Actor } from '@unblock/domain';
import { DataSource, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { LeagueService } from '../league.service';
import type { LeagueIndicator, LeagueTable } from '../league.response';
import type { BulletinCase, BulletinContent, BulletinLaggard, BulletinThresholds } from './bulletin.response';

/** The indicators a bulletin ranks on, for the regions and for the banks. */
export const BULLETIN_INDICATORS: readonly LeagueIndicator[] = [
  'visits',
  'needs',
  'claims_on_time',
  'credited_rate',
  'signed_amount',
];

/** At most this many overdue or escalated cases are listed (the counts hold them all). */
const LISTED_CASES = 50;

/** Which threshold of a campaign applies to which indicator. */
const THRESHOLDS: readonly [keyof LaggardThresholds, LeagueIndicator][] = [
  ['claimsOnTime', 'claims_on_time'],
  ['creditedRate', 'credited_rate'],
];

/** Compares two non-negative decimal strings exactly (up to 4 decimals). */
function lessThan(a: string, b: string): boolean {
  const scaled = (v: string): bigint => {
    const [whole = '0', fraction = ''] = v.split('.');
    return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4) || '0');
  };
  return scaled(a) < scaled(b);
}

/** Writes what a region's bulletin holds for a day: its league tables, overdue and escalated cases, laggards. */
@Injectable()
export class BulletinComposer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leagues: LeagueService,
  ) {}

  async compose(reader: Actor, regionCode: string, day: string, now: Date): Promise<BulletinContent> {
    const manager = this.dataSource.manager;
    const region = await manager.findOneBy(RegionEntity, { code: regionCode });
    const league = (by: 'region' | 'bank', indicator: LeagueIndicator): Promise<LeagueTable> =>
      this.leagues.league(reader, { by, indicator, period: 'day', on: day });
    const regionLeagues: LeagueTable[] = [];
    const bankLeagues: LeagueTable[] = [];
    for (const indicator of BULLETIN_INDICATORS) {
      regionLeagues.push(await league('region', indicator));
      bankLeagues.push(await league('bank', indicator));
    }
    const thresholds = await this.thresholds(regionCode, day);
    return {
      regionCode,
      regionName: region?.name ?? regionCode,
      day,
      writtenAt: now.toISOString(),
      regionLeagues: regionLeagues.filter((t) => t.rows.length > 0),
      bankLeagues,
      cases: await this.cases(regionCode, now),
      thresholds,
      laggards: [...laggards('region', regionLeagues, thresholds), ...laggards('bank', bankLeagues, thresholds)],
    };
  }

  /** The strictest threshold of each kind among the campaigns running that day over (or within) the region. */
  private async thresholds(regionCode: string, day: string): Promise<BulletinThresholds> {
    const campaigns = await this.dataSource.manager.find(CampaignEntity, {
      where: { startsOn: LessThanOrEqual(day), endsOn: MoreThanOrEqual(day) },
      select: ['id', 'regionCode', 'laggardThresholds'],
    });
    const out: { claimsOnTime?: string; creditedRate?: string } = {};
    for (const campaign of campaigns) {
      if (!isWithinRegion(regionCode, campaign.regionCode) && !isWithinRegion(campaign.regionCode, regionCode)) {
        continue;
      }
      for (const [name] of THRESHOLDS) {
        const value = campaign.laggardThresholds[name];
        const current = out[name];
        if (value !== undefined && (current === undefined || lessThan(current, value))) out[name] = value;
      }
    }
    return out;
  }

  private async cases(regionCode: string, now: Date): Promise<BulletinContent['cases']> {
    const [low, high] = regionCodeRange(regionCode);
    const rows = await this.dataSource.manager.query<
      {
        id: string;
        number: string;
        enterprise_name: string;
        bank_name: string | null;
        due_at: Date | null;
        escalation_level: number;
        overdue: boolean;
        overdue_total: number;
        escalated_total: number;
      }[]
    >(OVERDUE_OR_ESCALATED_CASES_IN_REGION, [now, low, high, LISTED_CASES]);
    const cases: BulletinCase[] = rows.map((r) => ({
      caseId: r.id,
      number: r.number,
      enterpriseName: r.enterprise_name,
      bankName: r.bank_name,
      dueAt: r.due_at?.toISOString() ?? null,
      overdueDays: r.overdue && r.due_at ? Math.floor((now.getTime() - r.due_at.getTime()) / 86_400_000) : null,
      escalationLevel: r.escalation_level,
    }));
    return { overdue: rows[0]?.overdue_total ?? 0, escalated: rows[0]?.escalated_total ?? 0, cases };
  }
}

/**
 * The laggards of some tables: the rows at the bottom of a table that ranks more than one value (every row
 * tied is no bottom), and the rows under the thresholds.
 */
function laggards(
  by: 'region' | 'bank',
  tables: readonly LeagueTable[],
  thresholds: BulletinThresholds,
): BulletinLaggard[] {
  const out: BulletinLaggard[] = [];
  for (const table of tables) {
    const valued = table.rows.filter((r) => r.value !== null);
    const worst = Math.max(...valued.map((r) => r.rank));
    const threshold = THRESHOLDS.find(([, indicator]) => indicator === table.indicator)?.[0];
    const limit = threshold === undefined ? undefined : thresholds[threshold];
    for (const row of valued) {
      const under = limit !== undefined && row.value !== null && lessThan(row.value, limit);
      const bottom = valued.length > 1 && worst > 1 && row.rank === worst;
      if (!under && !bottom) continue;
      out.push({
        by,
        key: row.key,
        name: row.name,
        indicator: table.indicator,
        value: row.value,
        reason: under ? 'under_threshold' : 'bottom',
        threshold: under ? (limit ?? null) : null,
      });
    }
  }
  return out;
}
