import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LOAN_BALANCES_PAGE,
  LOAN_BALANCE_BY_ID,
  LOAN_BALANCE_REVISIONS,
  encodeCursor,
  parseCursor,
  type Page,
  type PageRequest,
} from '@unblock/database';
import { DomainError, canReadRegion, monthDay, readScope, regionCodeRange, type Actor } from '@unblock/domain';
import { DataSource } from 'typeorm';
import {
  toLoanBalanceResponse,
  type LoanBalanceResponse,
  type LoanBalanceRevisionRow,
  type LoanBalanceRow,
} from './loan-balance.response';

export interface LoanBalanceFilter {
  readonly month?: string | undefined;
  readonly enterpriseId?: string | undefined;
}

/**
 * Reads the balances a caller may see: a bank manager their bank's, a field officer or supervisor those of
 * the enterprises in their region, an admin all. Another's balance answers 404.
 */
@Injectable()
export class LoanBalanceQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, filter: LoanBalanceFilter, page: PageRequest): Promise<Page<LoanBalanceResponse>> {
    const bank = actor.role === 'bank_manager' ? actor.organizationId : null;
    const scope = bank === null ? readScope(actor) : null;
    const [low, high] = scope === null ? [null, null] : regionCodeRange(scope);
    const after = page.cursor === undefined ? undefined : parseCursor(page.cursor);
    const rows = await this.dataSource.query<LoanBalanceRow[]>(LOAN_BALANCES_PAGE, [
      bank,
      low,
      high,
      filter.month === undefined ? null : monthDay(filter.month),
      filter.enterpriseId ?? null,
      after?.at ?? null,
      after?.id ?? null,
      page.limit + 1,
    ]);
    const more = rows.length > page.limit;
    const items = (more ? rows.slice(0, page.limit) : rows).map((row) => toLoanBalanceResponse(row));
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor({ at: last.updatedAt, id: last.id }) : null };
  }

  /** One balance with its revisions. */
  async get(actor: Actor, id: string): Promise<LoanBalanceResponse> {
    const [row] = await this.dataSource.query<LoanBalanceRow[]>(LOAN_BALANCE_BY_ID, [id]);
    if (!row || !this.canRead(actor, row)) throw DomainError.notFound('loan balance');
    const revisions = await this.dataSource.query<LoanBalanceRevisionRow[]>(LOAN_BALANCE_REVISIONS, [id]);
    return toLoanBalanceResponse(row, revisions);
  }

  private canRead(actor: Actor, row: LoanBalanceRow): boolean {
    if (actor.role === 'bank_manager') return row.bank_id === actor.organizationId;
    return canReadRegion(actor, row.region_code);
  }
}
