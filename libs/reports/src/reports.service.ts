import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IndustrialChainEntity, OrganizationEntity } from '@unblock/database';
import { Clock, readScope, regionCodeRange, type Actor } from '@unblock/domain';
import { DataSource, In } from 'typeorm';
import {
  CampaignFigures,
  campaignFigures,
  distinctOf,
  emptyTotals,
  figuresFrom,
  reportCalendar,
  share,
} from './campaign-figures';
import { funnelOf } from './funnel-figures';
import { NO_FEEDBACK, feedbackFigures } from './enterprise-feedback';
import { loanOutcomesFrom, type LoanOutcomeFigures } from './loan-outcomes';
import {
  bankLoanOutcomes,
  chainLoanOutcomes,
  summaryLoanOutcomes,
  type LoanOutcomeSource,
} from './loan-outcome-reports';
import { presenceSetCounts } from './presence-sets';
import { Params, ReportFilter, type ReportQuery } from './report-filter';
import { presenceCounts, regionsNarrow, rollupTotals, wholeCampaign } from './rollup-figures';
import { READER_REFRESH, ReportRollups } from './report-rollups.service';
import { repairFigures } from './repair-figures';
import {
  bankFiguresFromBaseTables,
  bankVisitsFromBaseTables,
  type BankFiguresWithoutWord,
} from './bank-figures-from-base';
import { BankFigures, ChainFigures, SummaryFigures } from './report-figures.response';
import { RegionFunnel, nameDeclines, regionFunnelsFromBaseTables, regionFunnelsFromRollups } from './region-funnel';

/** The campaign dashboards: the regulators' figures, per chain and per bank, within the caller's scope. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly rollups: ReportRollups,
  ) {}

  /** False for the reference reader that scans the base tables only. */
  private rollupsAllowed = true;

  /**
   * The same reports read from another database (a streaming replica of this one: `ReportsReplica`), whose
   * caller brought the rollups up to date on the primary already.
   */
  on(dataSource: DataSource): ReportsService {
    const view = new ReportsService(dataSource, this.clock, this.rollups);
    view.rollupsAllowed = this.rollupsAllowed;
    view.refreshedByCaller = true;
    return view;
  }

  /** True for a view whose caller refreshed the rollups before it read (`on`). */
  private refreshedByCaller = false;

  /**
   * The same reports answered by scanning the base tables only: the slow reference the rollups are
   * tested and benchmarked against.
   */
  fromBaseTables(): ReportsService {
    const reference = new ReportsService(this.dataSource, this.clock, this.rollups);
    reference.rollupsAllowed = false;
    return reference;
  }

  /** The region ranges a reader's figures keep to: their scope and the query's region. */
  private regionRanges(actor: Actor, query: ReportQuery): (readonly [string, string])[] {
    return [readScope(actor), query.regionCode]
      .filter((code): code is string => code !== null && code !== undefined)
      .map((code) => regionCodeRange(code));
  }

  /**
   * Brings the rollups up to date when only a few days are stale (a reader sees their own writes), and
   * answers whether the chain and bank rollups can answer, or the region narrows them and only the region
   * rollup or the base tables can.
   */
  private async prepare(actor: Actor, query: ReportQuery): Promise<{ narrow: boolean }> {
    if (!this.rollupsAllowed) return { narrow: true };
    if (!this.refreshedByCaller) await this.rollups.refresh(READER_REFRESH);
    return { narrow: await regionsNarrow(this.dataSource.manager, query, this.regionRanges(actor, query)) };
  }

  /** What the loan outcomes are read from: the rollups, unless a region narrows them, else the base tables. */
  private loanOutcomeSource(actor: Actor, query: ReportQuery, narrow: boolean): LoanOutcomeSource {
    return {
      manager: this.dataSource.manager,
      actor,
      query,
      rollups: this.rollupsAllowed && !narrow,
      regions: this.rollupsAllowed ? this.regionRanges(actor, query) : null,
    };
  }

  /** The region's figures, with what its signed loans were and its second diagnoses. */
  async summary(actor: Actor, query: ReportQuery): Promise<SummaryFigures> {
    const manager = this.dataSource.manager;
    const { narrow } = await this.prepare(actor, query);
    const [figures, loanOutcomes, repairs] = await Promise.all([
      this.summaryFigures(actor, query, narrow),
      summaryLoanOutcomes(this.loanOutcomeSource(actor, query, narrow)),
      repairFigures(manager, actor, query, this.clock.now()),
    ]);
    await nameDeclines(manager, [figures.funnel]);
    return { ...figures, loanOutcomes, repairs };
  }

  /** The funnel of each child region of the query's region (else the reader's scope); none for a bank manager. */
  async regions(actor: Actor, query: ReportQuery): Promise<RegionFunnel[]> {
    if (actor.role === 'bank_manager') return [];
    const manager = this.dataSource.manager;
    await this.prepare(actor, query);
    const parent = query.regionCode ?? readScope(actor);
    const regions = this.rollupsAllowed
      ? await regionFunnelsFromRollups(manager, parent, query, this.regionRanges(actor, query), wholeCampaign(query))
      : await regionFunnelsFromBaseTables(
          manager,
          parent,
          (regionCode) => new ReportFilter(actor, { ...query, regionCode }),
          await reportCalendar(manager),
          this.clock.now(),
        );
    await nameDeclines(
      manager,
      regions.map((r) => r.funnel),
    );
    return regions;
  }

  private async summaryFigures(actor: Actor, query: ReportQuery, narrow: boolean): Promise<CampaignFigures> {
    const manager = this.dataSource.manager;
    // Region conditions only where they leave something out.
    const regions = narrow ? this.regionRanges(actor, query) : [];
    if (actor.role !== 'bank_manager' && this.rollupsAllowed && !narrow && wholeCampaign(query)) {
      const totals = await rollupTotals(manager, { kind: 'T', query }, false);
      const t = totals.get('');
      return figuresFrom(t, distinctOf(t));
    }
    if (actor.role !== 'bank_manager' && this.rollupsAllowed) {
      // The day's totals when no region leaves anything out (a province, an admin); else by region.
      const totals = await rollupTotals(manager, narrow ? { kind: 'r', query, regions } : { kind: 't', query }, false);
      // Distinct enterprises: within regions from the enterprises' day bitmaps (an index on their region),
      // else from the sets of the period's months and edge days.
      const [visited, financed, needed] = await Promise.all(
        narrow
          ? [
              presenceCounts(manager, 'report_visit_presence', { query, regions, byChain: false }),
              presenceCounts(manager, 'report_loan_presence', { query, regions, byChain: false }),
              presenceCounts(manager, 'report_need_presence', { query, regions, byChain: false }),
            ]
          : [
              presenceSetCounts(manager, { measure: 'v', kind: 't', query }),
              presenceSetCounts(manager, { measure: 'l', kind: 't', query }),
              presenceSetCounts(manager, { measure: 'n', kind: 't', query }),
            ],
      );
      return figuresFrom(totals.get(''), {
        visited: visited.get('') ?? 0,
        financed: financed.get('') ?? 0,
        withNeed: needed.get('') ?? 0,
      });
    }
    if (!narrow && actor.organizationId !== null) {
      return this.bankSummary(actor.organizationId, query);
    }
    return campaignFigures(manager, new ReportFilter(actor, query), await reportCalendar(manager), this.clock.now());
  }

  /** A bank's own figures from the bank rollup, its distinct enterprises from the bank's sets. */
  private async bankSummary(bankId: string, query: ReportQuery): Promise<CampaignFigures> {
    const manager = this.dataSource.manager;
    const [totals, visited, financed, needed] = await Promise.all([
      rollupTotals(manager, { kind: 'b', query, key: bankId }, false),
      presenceSetCounts(manager, { measure: 'v', kind: 'b', query, key: bankId }),
      presenceSetCounts(manager, { measure: 'l', kind: 'b', query, key: bankId }),
      presenceSetCounts(manager, { measure: 'n', kind: 'b', query, key: bankId }),
    ]);
    return figuresFrom(totals.get(''), {
      visited: visited.get(bankId) ?? 0,
      financed: financed.get(bankId) ?? 0,
      withNeed: needed.get(bankId) ?? 0,
    });
  }

  /** Per chain: the campaign figures, the enterprises' feedback and the loan outcomes. */
  async chains(actor: Actor, query: ReportQuery): Promise<ChainFigures[]> {
    const { narrow } = await this.prepare(actor, query);
    const [figures, feedback] = await Promise.all([
      this.chainFigures(actor, query, narrow),
      feedbackFigures(this.dataSource.manager, actor, query, 'chain'),
    ]);
    const [, outcomes] = await Promise.all([
      nameDeclines(
        this.dataSource.manager,
        figures.map((f) => f.funnel),
      ),
      chainLoanOutcomes(
        this.loanOutcomeSource(actor, query, narrow),
        figures.map((f) => f.chainId),
      ),
    ]);
    return figures.map((f) => ({
      ...f,
      feedback: feedback.get(f.chainId) ?? NO_FEEDBACK,
      loanOutcomes: outcomes.get(f.chainId) ?? loanOutcomesFrom(undefined),
    }));
  }

  private async chainFigures(
    actor: Actor,
    query: ReportQuery,
    narrow: boolean,
  ): Promise<Omit<ChainFigures, 'feedback' | 'loanOutcomes'>[]> {
    const manager = this.dataSource.manager;
    const qb = manager
      .getRepository(IndustrialChainEntity)
      .createQueryBuilder('ch')
      .orderBy('ch.name')
      .addOrderBy('ch.id');
    const scope = readScope(actor);
    if (scope !== null) {
      const [low, high] = regionCodeRange(scope);
      qb.andWhere('ch.regionCode BETWEEN :low AND :high', { low, high });
    }
    if (actor.role === 'bank_manager') {
      qb.andWhere(
        `(ch.leadBankId = :org OR ch.deputyBankId = :org OR EXISTS (
          SELECT 1 FROM industrial_chain_members m WHERE m.chain_id = ch.id AND m.organization_id = :org))`,
        { org: actor.organizationId },
      );
    }
    const chains = await qb.getMany();
    const banks = await manager.findBy(OrganizationEntity, {
      id: In([...new Set(chains.flatMap((c) => [c.leadBankId, c.deputyBankId]))]),
    });
    const name = (id: string): string => banks.find((b) => b.id === id)?.name ?? '';
    const leaders = new Map(
      (
        await manager.query<{ chain_id: string; n: number }[]>(
          `SELECT chain_id, count(*)::int AS n FROM enterprises
            WHERE chain_id = ANY($1::uuid[]) AND chain_role = 'leader' GROUP BY chain_id`,
          [chains.map((c) => c.id)],
        )
      ).map((r) => [r.chain_id, r.n]),
    );
    const describe = (
      chain: IndustrialChainEntity,
    ): Omit<ChainFigures, keyof CampaignFigures | 'feedback' | 'loanOutcomes'> => ({
      chainId: chain.id,
      chainName: chain.name,
      regionCode: chain.regionCode,
      leadBankId: chain.leadBankId,
      leadBankName: name(chain.leadBankId),
      deputyBankId: chain.deputyBankId,
      deputyBankName: name(chain.deputyBankId),
      chainLeaders: leaders.get(chain.id) ?? 0,
    });
    if (!narrow && actor.role !== 'bank_manager' && wholeCampaign(query)) {
      const totals = await rollupTotals(manager, { kind: 'C', query }, true);
      return chains.map((chain) => {
        const t = totals.get(chain.id);
        return { ...describe(chain), ...figuresFrom(t, distinctOf(t)) };
      });
    }
    if (!narrow && actor.role !== 'bank_manager') {
      const totals = await rollupTotals(manager, { kind: 'c', query }, true);
      const [visited, financed, needed] = await Promise.all([
        presenceSetCounts(manager, { measure: 'v', kind: 'c', query }),
        presenceSetCounts(manager, { measure: 'l', kind: 'c', query }),
        presenceSetCounts(manager, { measure: 'n', kind: 'c', query }),
      ]);
      return chains.map((chain) => ({
        ...describe(chain),
        ...figuresFrom(totals.get(chain.id), {
          visited: visited.get(chain.id) ?? 0,
          financed: financed.get(chain.id) ?? 0,
          withNeed: needed.get(chain.id) ?? 0,
        }),
      }));
    }
    // A region narrower than the data, or a bank's share of each chain: from the base tables.
    const filter = new ReportFilter(actor, query);
    const calendar = await reportCalendar(manager);
    const now = this.clock.now();
    const result: Omit<ChainFigures, 'feedback' | 'loanOutcomes'>[] = [];
    for (const chain of chains) {
      const figures = await campaignFigures(manager, filter, calendar, now, {
        visits: (p: Params) =>
          `EXISTS (SELECT 1 FROM enterprises e WHERE e.id = v.enterprise_id AND e.chain_id = ${p.add(chain.id)})`,
        cases: (p: Params) => `c.chain_id = ${p.add(chain.id)}`,
        loans: (p: Params) => `c.chain_id = ${p.add(chain.id)}`,
      });
      result.push({ ...describe(chain), ...figures });
    }
    return result;
  }

  /** Per bank: claims, declines, escalations, loans, and the enterprises' feedback. */
  async banks(actor: Actor, query: ReportQuery): Promise<BankFigures[]> {
    const { narrow } = await this.prepare(actor, query);
    const [figures, feedback] = await Promise.all([
      this.bankFigures(actor, query, narrow),
      feedbackFigures(this.dataSource.manager, actor, query, 'bank'),
    ]);
    const [, outcomes] = await Promise.all([
      nameDeclines(
        this.dataSource.manager,
        figures.map((f) => f.funnel),
      ),
      bankLoanOutcomes(
        this.loanOutcomeSource(actor, query, narrow),
        figures.map((f) => f.bankId),
      ),
    ]);
    return figures.map((f) => ({
      ...f,
      feedback: feedback.get(f.bankId) ?? NO_FEEDBACK,
      loanOutcomes: outcomes.get(f.bankId) ?? loanOutcomesFrom(undefined),
    }));
  }

  /** Per bank: claims, declines, escalations and loans, without the enterprises' word or the loans' outcomes. */
  async bankFunnels(actor: Actor, query: ReportQuery): Promise<BankFiguresWithoutWord[]> {
    const { narrow } = await this.prepare(actor, query);
    const figures = await this.bankFigures(actor, query, narrow);
    await nameDeclines(
      this.dataSource.manager,
      figures.map((f) => f.funnel),
    );
    return figures;
  }

  /** The visits each bank's managers made within the reader's region and the query, by bank id. */
  async bankVisits(actor: Actor, query: ReportQuery): Promise<Map<string, number>> {
    const manager = this.dataSource.manager;
    const { narrow } = await this.prepare(actor, query);
    if (!narrow) {
      const totals = await rollupTotals(manager, { kind: 'b', query }, true, false);
      return new Map([...totals.entries()].map(([bankId, t]) => [bankId, t.visits]));
    }
    return bankVisitsFromBaseTables(manager, this.everyBank(actor, query));
  }

  /** What each bank's signed loans were, by bank id (`bankIds`: the banks a region that narrows them reads). */
  async bankOutcomes(
    actor: Actor,
    query: ReportQuery,
    bankIds: readonly string[],
  ): Promise<Map<string, LoanOutcomeFigures>> {
    const { narrow } = await this.prepare(actor, query);
    return bankLoanOutcomes(this.loanOutcomeSource(actor, query, narrow), bankIds);
  }

  private async bankFigures(actor: Actor, query: ReportQuery, narrow: boolean): Promise<BankFiguresWithoutWord[]> {
    const manager = this.dataSource.manager;
    const banks = await manager.find(OrganizationEntity, {
      where: actor.role === 'bank_manager' ? { id: actor.organizationId ?? '' } : { kind: 'bank' },
      order: { name: 'ASC' },
    });
    if (!narrow) {
      const totals = await rollupTotals(manager, { kind: 'b', query }, true);
      return banks.map((bank) => {
        const t = totals.get(bank.id);
        const claims = t?.bankClaims ?? 0;
        const onTime = t?.bankClaimsOnTime ?? 0;
        return {
          bankId: bank.id,
          bankName: bank.name,
          casesAssigned: t ? Object.values(t.casesByStatus).reduce((a, b) => a + b, 0) : 0,
          claims,
          claimsOnTime: onTime,
          claimOnTimeRate: share(BigInt(onTime), BigInt(claims)),
          declines: t?.bankDeclines ?? 0,
          escalations: t?.bankEscalations ?? 0,
          intentionAmount: t?.intentionAmount ?? '0.00',
          signedAmount: t?.signedAmount ?? '0.00',
          signedCount: t?.signedCount ?? 0,
          funnel: funnelOf(t ?? emptyTotals()),
        };
      });
    }
    return bankFiguresFromBaseTables(manager, this.everyBank(actor, query), banks);
  }

  /** The filter of the bank figures: everything within the caller's region and the query, whichever bank. */
  private everyBank(actor: Actor, query: ReportQuery): ReportFilter {
    return new ReportFilter({ ...actor, role: actor.role === 'bank_manager' ? 'supervisor' : actor.role }, query);
  }
}
