import { readScope, regionCodeRange, type Actor } from '@unblock/domain';

/** The filters every report takes, within the caller's scope. */
export interface ReportQuery {
  readonly campaignId?: string | undefined;
  /** A region and its descendants. */
  readonly regionCode?: string | undefined;
  /** Inclusive ISO dates, Asia/Shanghai. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Positional parameters for one raw SQL statement. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The WHERE clauses of the reports over visits (`v`), cases (`c`) and loan contracts (`l`, joined to `c`):
 * the campaign, the region (rolling up descendants), the dates, and the caller's scope. A bank manager sees
 * their bank's figures only: the visits of its managers, the cases at it, the contracts it signed.
 */
export class ReportFilter {
  constructor(
    private readonly actor: Actor,
    private readonly query: ReportQuery,
  ) {}

  private region(column: string, params: Params, out: string[]): void {
    const scope = readScope(this.actor);
    for (const code of [scope, this.query.regionCode]) {
      if (code === null || code === undefined) continue;
      const [low, high] = regionCodeRange(code);
      out.push(`${column} BETWEEN ${params.add(low)} AND ${params.add(high)}`);
    }
  }

  private bank(): string | null {
    return this.actor.role === 'bank_manager' ? this.actor.organizationId : null;
  }

  visits(params: Params): string {
    const out: string[] = ['TRUE'];
    if (this.query.campaignId !== undefined) out.push(`v.campaign_id = ${params.add(this.query.campaignId)}`);
    this.region('v.region_code', params, out);
    if (this.query.from !== undefined) out.push(`v.visited_on >= ${params.add(this.query.from)}`);
    if (this.query.to !== undefined) out.push(`v.visited_on <= ${params.add(this.query.to)}`);
    const bank = this.bank();
    if (bank !== null) out.push(`v.visitor_organization_id = ${params.add(bank)}`);
    return out.join(' AND ');
  }

  /** Cases diagnosed in the period (by their creation day in Shanghai). */
  cases(params: Params): string {
    const out: string[] = ['TRUE'];
    if (this.query.campaignId !== undefined) out.push(`c.campaign_id = ${params.add(this.query.campaignId)}`);
    this.region('c.region_code', params, out);
    if (this.query.from !== undefined) {
      out.push(`(c.created_at AT TIME ZONE 'Asia/Shanghai')::date >= ${params.add(this.query.from)}`);
    }
    if (this.query.to !== undefined) {
      out.push(`(c.created_at AT TIME ZONE 'Asia/Shanghai')::date <= ${params.add(this.query.to)}`);
    }
    const bank = this.bank();
    if (bank !== null) out.push(`c.assigned_bank_id = ${params.add(bank)}`);
    return out.join(' AND ');
  }

  /**
   * Declines (`e`, joined to `c`) of the cases diagnosed in the period; for a bank manager, the declines by
   * their bank, wherever the case is now.
   */
  declines(params: Params): string {
    const bank = this.bank();
    const cases = new ReportFilter(bank === null ? this.actor : { ...this.actor, role: 'supervisor' }, this.query);
    const out = [cases.cases(params)];
    if (bank !== null) out.push(`e.data->>'byOrganizationId' = ${params.add(bank)}`);
    return out.join(' AND ');
  }

  /**
   * Contracts signed in the period (by their signing date), of the campaign's and region's cases; with
   * `dates: false`, whenever they were signed.
   */
  loans(params: Params, options: { dates?: boolean } = {}): string {
    const out: string[] = ['TRUE'];
    if (this.query.campaignId !== undefined) out.push(`c.campaign_id = ${params.add(this.query.campaignId)}`);
    this.region('c.region_code', params, out);
    if (options.dates !== false) out.push(this.period('l.signed_on', params));
    const bank = this.bank();
    if (bank !== null) out.push(`l.bank_id = ${params.add(bank)}`);
    return out.join(' AND ');
  }

  /** The period's condition on a date expression. */
  period(expression: string, params: Params): string {
    const out: string[] = ['TRUE'];
    if (this.query.from !== undefined) out.push(`${expression} >= ${params.add(this.query.from)}`);
    if (this.query.to !== undefined) out.push(`${expression} <= ${params.add(this.query.to)}`);
    return out.join(' AND ');
  }
}
