import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationEntity } from '@unblock/database';
import { readScope, regionCodeRange, type Actor } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { share } from './campaign-figures';
import { feedbackFigures } from './enterprise-feedback';
import { periodOf, previousPeriodOf, rankRows } from './league-ranking';
import type { DateRange, LeagueBy, LeagueIndicator, LeaguePeriod, LeagueTable } from './league.response';
import { loanOutcomeRollup } from './loan-outcomes';
import { childDigits, childRegions } from './region-funnel';
import type { ReportQuery } from './report-filter';
import { ReportsService } from './reports.service';

export interface LeagueQuery {
  readonly by: LeagueBy;
  readonly indicator: LeagueIndicator;
  readonly period: LeaguePeriod;
  /** An ISO date (Asia/Shanghai) within the period. */
  readonly on: string;
  readonly regionCode?: string | undefined;
  readonly campaignId?: string | undefined;
}

/** Each ranked row's value by key (a region code or a bank id). */
type Values = Map<string, string | null>;

/** The indicators that count or sum, and their value where nothing was counted; the others are null then. */
const COUNTED: Partial<Record<LeagueIndicator, string>> = {
  visits: '0',
  needs: '0',
  signed_amount: '0.00',
  first_loans: '0',
};

/**
 * The league tables (日排名): a region's children, or the banks, ranked on one indicator for a day, an ISO
 * week or a calendar month, with the change of rank since the period before. Every figure is the one the
 * region and bank reports publish for the same period (`ReportsService.regions` and `.banks`), plus the
 * enterprises' word and the loan outcomes read as those reports read them.
 */
@Injectable()
export class LeagueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
  ) {}

  async league(actor: Actor, query: LeagueQuery): Promise<LeagueTable> {
    const current = periodOf(query.period, query.on);
    const previous = previousPeriodOf(query.period, query.on);
    const parent = query.regionCode ?? readScope(actor);
    const names = query.by === 'region' ? await this.regionNames(actor, parent) : await this.bankNames(actor);
    // One after the other: the first brings the rollups up to date for both.
    const now = await this.values(actor, query, parent, current, names);
    const before = await this.values(actor, query, parent, previous, names);
    return {
      by: query.by,
      indicator: query.indicator,
      period: query.period,
      regionCode: parent,
      from: current.from,
      to: current.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      rows: rankRows(names, now, before, COUNTED[query.indicator] ?? null),
    };
  }

  private async regionNames(actor: Actor, parent: string | null): Promise<Map<string, string>> {
    if (actor.role === 'bank_manager') return new Map();
    const children = await childRegions(this.dataSource.manager, parent);
    return new Map(children.map((r) => [r.code, r.name]));
  }

  private async bankNames(actor: Actor): Promise<Map<string, string>> {
    const banks = await this.dataSource.manager.find(OrganizationEntity, {
      where: actor.role === 'bank_manager' ? { id: actor.organizationId ?? '' } : { kind: 'bank' },
      order: { name: 'ASC' },
    });
    return new Map(banks.map((b) => [b.id, b.name]));
  }

  private values(
    actor: Actor,
    league: LeagueQuery,
    parent: string | null,
    range: DateRange,
    names: ReadonlyMap<string, string>,
  ): Promise<Values> {
    const query: ReportQuery = {
      campaignId: league.campaignId,
      regionCode: league.regionCode,
      from: range.from,
      to: range.to,
    };
    return league.by === 'region'
      ? this.regionValues(actor, league.indicator, query, parent)
      : this.bankValues(actor, league.indicator, query, [...names.keys()]);
  }

  private async regionValues(
    actor: Actor,
    indicator: LeagueIndicator,
    query: ReportQuery,
    parent: string | null,
  ): Promise<Values> {
    const manager = this.dataSource.manager;
    const digits = childDigits(parent);
    if (indicator === 'confirmation_rate' || indicator === 'satisfaction') {
      const feedback = await feedbackFigures(manager, actor, query, digits);
      return new Map(
        [...feedback.entries()].map(([k, f]) => [
          k,
          indicator === 'satisfaction' ? f.averageRating : f.contactConfirmedShare,
        ]),
      );
    }
    if (indicator === 'first_loans' || indicator === 'credit_loan_share') {
      const regions = [readScope(actor), query.regionCode]
        .filter((code): code is string => code !== null && code !== undefined)
        .map((code) => regionCodeRange(code));
      const outcomes = await loanOutcomeRollup(manager, { kind: 'r', query, regions }, digits);
      return new Map(
        [...outcomes.entries()].map(([k, o]) => [
          k,
          indicator === 'first_loans' ? String(o.firstLoans.count) : o.creditLoans.share,
        ]),
      );
    }
    const funnels = await this.reports.regions(actor, query);
    return new Map(
      funnels.map((f) => {
        const recommended = f.needsDiagnosed - f.screening.submitted + f.screening.recommended;
        const value: Record<typeof indicator, string | null> = {
          visits: String(f.visits),
          needs: String(f.needsDiagnosed),
          claims_on_time: f.claimsWithinSlaShare,
          credited_rate: share(BigInt(f.funnel.approved), BigInt(recommended)),
          signed_amount: f.signedAmount,
        };
        return [f.regionCode, value[indicator]];
      }),
    );
  }

  /** Each bank's value, reading only what the indicator needs of the bank report (`bankIds`: the ranked banks). */
  private async bankValues(
    actor: Actor,
    indicator: LeagueIndicator,
    query: ReportQuery,
    bankIds: readonly string[],
  ): Promise<Values> {
    if (indicator === 'visits') {
      const visits = await this.reports.bankVisits(actor, query);
      return new Map([...visits.entries()].map(([k, n]) => [k, String(n)]));
    }
    if (indicator === 'confirmation_rate' || indicator === 'satisfaction') {
      const feedback = await feedbackFigures(this.dataSource.manager, actor, query, 'bank');
      return new Map(
        [...feedback.entries()].map(([k, f]) => [
          k,
          indicator === 'satisfaction' ? f.averageRating : f.contactConfirmedShare,
        ]),
      );
    }
    if (indicator === 'first_loans' || indicator === 'credit_loan_share') {
      const outcomes = await this.reports.bankOutcomes(actor, query, bankIds);
      return new Map(
        [...outcomes.entries()].map(([k, o]) => [
          k,
          indicator === 'first_loans' ? String(o.firstLoans.count) : o.creditLoans.share,
        ]),
      );
    }
    const banks = await this.reports.bankFunnels(actor, query);
    return new Map(
      banks.map((b) => {
        const value: Record<typeof indicator, string | null> = {
          needs: String(b.casesAssigned),
          claims_on_time: b.claimOnTimeRate,
          credited_rate: share(BigInt(b.funnel.approved), BigInt(b.casesAssigned)),
          signed_amount: b.signedAmount,
        };
        return [b.bankId, value[indicator]];
      }),
    );
  }
}
