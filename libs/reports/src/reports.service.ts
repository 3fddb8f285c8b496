import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IndustrialChainEntity, OrganizationEntity } from '@unblock/database';
import { Clock, fromFen, readScope, regionCodeRange, toFen, type Actor } from '@unblock/domain';
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
import { FunnelFigures, funnelOf } from './funnel-figures';
import { FeedbackFigures, NO_FEEDBACK, feedbackFigures } from './enterprise-feedback';
import { LoanOutcomeFigures, loanOutcomesFrom } from './loan-outcomes';
import {
  bankLoanOutcomes,
  chainLoanOutcomes,
  summaryLoanOutcomes,
  type LoanOutcomeSource,
} from './loan-outcome-reports';
import { presenceSetCounts } from './presence-sets';
import { Params, ReportFilter, type ReportQuery } from './report-filter';
import { presenceCounts, regionsNarrow, rollupTotals } from './rollup-figures';
import { ReportRollups } from './report-rollups.service';
import { repairFigures, RepairFigures } from './repair-figures';
import { RegionFunnel, nameDeclines, regionFunnelsFromBaseTables, regionFunnelsFromRollups } from './region-funnel';

/** One campaign, all its days: the all-days rollup rows answer, distinct enterprises included. */
function wholeCampaign(query: ReportQuery): boolean {
  return query.campaignId !== undefined && query.from === undefined && query.to === undefined;
}

/**
 * What a reader recomputes before answering, so they see their own writes: at most this many stale days
 * holding at most this many visits (a province's busy day is left to the worker's refresh: seconds of work).
 */
const READER_REFRESH = { maxDays: 7, maxVisits: 20_000 };

/** The campaign figures, the funnel of each child region, and what the signed loans were. */
export class SummaryFigures extends CampaignFigures {
  /** The child regions of the query's region (else the reader's, else the provinces), by code. */
  byRegion!: RegionFunnel[];
  loanOutcomes!: LoanOutcomeFigures;
  /** The second diagnoses: repair tasks opened, repaired, not repairable, open and overdue, loans signed after. */
  repairs!: RepairFigures;
}

export class ChainFigures extends CampaignFigures {
  /** The enterprises' word on the chain's cases (contacts confirmed, disputes, ratings). */
  feedback!: FeedbackFigures;
  /** What the chain's signed loans were. */
  loanOutcomes!: LoanOutcomeFigures;
  chainId!: string;
  chainName!: string;
  regionCode!: string;
  leadBankId!: string;
  leadBankName!: string;
  deputyBankId!: string;
  deputyBankName!: string;
  /** The chain's leader enterprises (链主) now. */
  chainLeaders!: number;
}

export class BankFigures {
  bankId!: string;
  bankName!: string;
  /** Cases at the bank now. */
  casesAssigned!: number;
  claims!: number;
  claimsOnTime!: number;
  /** claimsOnTime / claims, 4 decimals. */
  claimOnTimeRate!: string | null;
  declines!: number;
  escalations!: number;
  intentionAmount!: string;
  signedAmount!: string;
  signedCount!: number;
  /** The bank's funnel: its cases that reached a claim, an approval, a contract; the declines it made, by reason. */
  funnel!: FunnelFigures;
  /** The enterprises' word on the bank's cases (contacts confirmed, disputes, ratings). */
  feedback!: FeedbackFigures;
  /** What the bank's signed loans were. */
  loanOutcomes!: LoanOutcomeFigures;
}

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
   * The same reports answered by scanning the base tables only: the slow reference the rollups are
   * tested and benchmarked against.
   */
  fromBaseTables(): ReportsService {
    const reference = new ReportsService(this.dataSource, this.clock, this.rollups);
    reference.rollupsAllowed = false;
    return reference;
  }

  /** The region ranges a reader's figures keep to: their scope and the query's region. */
  private regions(actor: Actor, query: ReportQuery): (readonly [string, string])[] {
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
    await this.rollups.refresh(READER_REFRESH);
    return { narrow: await regionsNarrow(this.dataSource.manager, query, this.regions(actor, query)) };
  }

  /** What the loan outcomes are read from: the rollups, unless a region narrows them, else the base tables. */
  private async loanOutcomeSource(actor: Actor, query: ReportQuery): Promise<LoanOutcomeSource> {
    const { narrow } = await this.prepare(actor, query);
    return {
      manager: this.dataSource.manager,
      actor,
      query,
      rollups: this.rollupsAllowed && !narrow,
      regions: this.rollupsAllowed ? this.regions(actor, query) : null,
    };
  }

  /** The region's figures and the funnel of each child region (none for a bank manager). */
  async summary(actor: Actor, query: ReportQuery): Promise<SummaryFigures> {
    const manager = this.dataSource.manager;
    const { narrow } = await this.prepare(actor, query);
    const parent = query.regionCode ?? readScope(actor);
    const [figures, byRegion] = await Promise.all([
      this.summaryFigures(actor, query, narrow),
      actor.role === 'bank_manager'
        ? []
        : this.rollupsAllowed
          ? regionFunnelsFromRollups(manager, parent, query, this.regions(actor, query), wholeCampaign(query))
          : regionFunnelsFromBaseTables(
              manager,
              parent,
              (regionCode) => new ReportFilter(actor, { ...query, regionCode }),
              await reportCalendar(manager),
              this.clock.now(),
            ),
    ]);
    await nameDeclines(manager, [figures.funnel, ...byRegion.map((r) => r.funnel)]);
    return {
      ...figures,
      byRegion,
      loanOutcomes: await summaryLoanOutcomes(await this.loanOutcomeSource(actor, query)),
      repairs: await repairFigures(manager, actor, query, this.clock.now()),
    };
  }

  private async summaryFigures(actor: Actor, query: ReportQuery, narrow: boolean): Promise<CampaignFigures> {
    const manager = this.dataSource.manager;
    // Region conditions only where they leave something out.
    const regions = narrow ? this.regions(actor, query) : [];
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
    const [figures, feedback] = await Promise.all([
      this.chainFigures(actor, query),
      feedbackFigures(this.dataSource.manager, actor, query, 'chain'),
    ]);
    await nameDeclines(
      this.dataSource.manager,
      figures.map((f) => f.funnel),
    );
    const outcomes = await chainLoanOutcomes(
      await this.loanOutcomeSource(actor, query),
      figures.map((f) => f.chainId),
    );
    return figures.map((f) => ({
      ...f,
      feedback: feedback.get(f.chainId) ?? NO_FEEDBACK,
      loanOutcomes: outcomes.get(f.chainId) ?? loanOutcomesFrom(undefined),
    }));
  }

  private async chainFigures(
    actor: Actor,
    query: ReportQuery,
  ): Promise<Omit<ChainFigures, 'feedback' | 'loanOutcomes'>[]> {
    const manager = this.dataSource.manager;
    const { narrow } = await this.prepare(actor, query);
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
    const [figures, feedback] = await Promise.all([
      this.bankFigures(actor, query),
      feedbackFigures(this.dataSource.manager, actor, query, 'bank'),
    ]);
    await nameDeclines(
      this.dataSource.manager,
      figures.map((f) => f.funnel),
    );
    const outcomes = await bankLoanOutcomes(
      await this.loanOutcomeSource(actor, query),
      figures.map((f) => f.bankId),
    );
    return figures.map((f) => ({
      ...f,
      feedback: feedback.get(f.bankId) ?? NO_FEEDBACK,
      loanOutcomes: outcomes.get(f.bankId) ?? loanOutcomesFrom(undefined),
    }));
  }

  private async bankFigures(
    actor: Actor,
    query: ReportQuery,
  ): Promise<Omit<BankFigures, 'feedback' | 'loanOutcomes'>[]> {
    const manager = this.dataSource.manager;
    const banks = await manager.find(OrganizationEntity, {
      where: actor.role === 'bank_manager' ? { id: actor.organizationId ?? '' } : { kind: 'bank' },
      order: { name: 'ASC' },
    });
    const { narrow } = await this.prepare(actor, query);
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
    // Everything counts within the caller's region and the filters, whoever holds the cases.
    const filter = new ReportFilter(
      { ...actor, role: actor.role === 'bank_manager' ? 'supervisor' : actor.role },
      query,
    );
    const result: Omit<BankFigures, 'feedback' | 'loanOutcomes'>[] = [];
    for (const bank of banks) {
      const pc = new Params();
      const where = filter.cases(pc);
      const bankParam = pc.add(bank.id);
      const [row] = await manager.query<Record<string, string | null>[]>(
        `SELECT
           (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam})::text AS assigned,
           (SELECT sum(c.intention_amount) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam})::text AS intention,
           (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
             WHERE ${where} AND e.type = 'claimed' AND e.data->>'bankId' = ${bankParam}::text)::text AS claims,
           (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
             JOIN case_obligations o ON o.case_id = e.case_id AND o.obligation = 'claim' AND o.met_at = e.at
             WHERE ${where} AND e.type = 'claimed' AND e.data->>'bankId' = ${bankParam}::text
               AND o.met_at <= o.due_at)::text AS on_time,
           (SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
             WHERE ${where} AND e.type = 'declined' AND e.data->>'byOrganizationId' = ${bankParam}::text)::text AS declines,
           (SELECT count(*) FROM escalations x JOIN cases c ON c.id = x.case_id
             WHERE ${where} AND x.bank_id = ${bankParam})::text AS escalations,
           (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam}
               AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'claimed'))::text AS reached_claimed,
           (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam}
               AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'approved'))::text AS reached_approved,
           (SELECT count(*) FROM cases c WHERE ${where} AND c.assigned_bank_id = ${bankParam}
               AND EXISTS (SELECT 1 FROM loan_contracts l WHERE l.case_id = c.id))::text AS reached_signed`,
        pc.values,
      );
      const pl = new Params();
      const loanWhere = filter.loans(pl);
      const [loans] = await manager.query<{ total: string | null; n: string }[]>(
        `SELECT sum(l.amount)::text AS total, count(*)::text AS n FROM loan_contracts l JOIN cases c ON c.id = l.case_id
          WHERE ${loanWhere} AND l.bank_id = ${pl.add(bank.id)}`,
        pl.values,
      );
      const pd = new Params();
      const declineWhere = filter.cases(pd);
      const declines = await manager.query<{ reason: string; n: string }[]>(
        `SELECT coalesce(e.data->>'reason', '') AS reason, count(*)::text AS n
           FROM case_events e JOIN cases c ON c.id = e.case_id
          WHERE ${declineWhere} AND e.type = 'declined' AND e.data->>'byOrganizationId' = ${pd.add(bank.id)}::text
          GROUP BY 1`,
        pd.values,
      );
      const claims = Number(row?.['claims'] ?? 0);
      const onTime = Number(row?.['on_time'] ?? 0);
      result.push({
        bankId: bank.id,
        bankName: bank.name,
        casesAssigned: Number(row?.['assigned'] ?? 0),
        claims,
        claimsOnTime: onTime,
        claimOnTimeRate: share(BigInt(onTime), BigInt(claims)),
        declines: Number(row?.['declines'] ?? 0),
        escalations: Number(row?.['escalations'] ?? 0),
        intentionAmount: fromFen(row?.['intention'] ? toFen(row['intention']) : 0n),
        signedAmount: fromFen(loans?.total ? toFen(loans.total) : 0n),
        signedCount: Number(loans?.n ?? 0),
        funnel: funnelOf({
          ...emptyTotals(),
          reachedClaimed: Number(row?.['reached_claimed'] ?? 0),
          reachedApproved: Number(row?.['reached_approved'] ?? 0),
          reachedSigned: Number(row?.['reached_signed'] ?? 0),
          declines: declines.reduce((sum, d) => sum + Number(d.n), 0),
          declinesByReason: new Map(declines.map((d) => [d.reason, Number(d.n)])),
        }),
      });
    }
    return result;
  }
}
