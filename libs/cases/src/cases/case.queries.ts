import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseEntity,
  DeclineReasonEntity,
  decodeCursor,
  type CursorKind,
  eachCaseVisibility,
  encodeCursor,
  whereCaseVisible,
  type Page,
} from '@unblock/database';
import { CASE_STATUSES, Clock, DomainError, type Actor, type CaseKind, type CaseStatus } from '@unblock/domain';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { RepairQueries } from '../repairs/repair.queries';
import { readCaseDetail } from './case-detail.reader';
import { CaseCountsResponse, CaseDetailResponse, CaseResponse, toCaseResponse } from './case.response';

/** The filters of the case list; its counts take the same. */
export interface CaseFilters {
  readonly status?: CaseStatus | undefined;
  /** Only needs, or only renewals (续贷). */
  readonly kind?: CaseKind | undefined;
  readonly bankId?: string | undefined;
  readonly chainId?: string | undefined;
  readonly campaignId?: string | undefined;
  readonly enterpriseId?: string | undefined;
  /** Only cases whose nearest deadline has passed (true) or has not (false). */
  readonly overdue?: boolean | undefined;
  /** Only cases with (true) or without (false) an escalation. */
  readonly escalated?: boolean | undefined;
  /** `me`: only the cases whose origin visit the caller recorded. */
  readonly diagnosedBy?: DiagnosedBy | undefined;
  /** Part of the case number, of the enterprise's name or of its USCC (case-insensitive). */
  readonly q?: string | undefined;
}

export interface ListCasesQuery extends CaseFilters {
  readonly limit: number;
  readonly cursor?: string | undefined;
  /** The order; `dueAt` (the work queue's) when absent. */
  readonly sort?: CaseSort | undefined;
}

/** The values of the `diagnosedBy` filter. */
export const DIAGNOSED_BY = ['me'] as const;
export type DiagnosedBy = (typeof DIAGNOSED_BY)[number];

/** The orders of the case list: nearest deadline first, largest need first, latest change first. */
export const CASE_SORTS = ['dueAt', 'amount', 'updated'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Sorting key of the work queue: the nearest deadline first, cases without one last. */
const NO_DEADLINE = '9999-12-31T00:00:00.000Z';

/** An order of the list: its SQL key, direction, and the same key read from a row (for cursors and merging). */
interface CaseOrder {
  readonly sql: string;
  readonly descending: boolean;
  readonly kind: CursorKind;
  readonly cast: 'timestamptz' | 'numeric';
  readonly keyOf: (entity: CaseEntity) => string;
}

/** Fen of a decimal yuan string, to compare amounts exactly. */
function fen(amount: string): bigint {
  const [yuan = '0', cents = ''] = amount.split('.');
  return BigInt(yuan) * 100n + BigInt(cents.padEnd(2, '0').slice(0, 2));
}

const ORDERS: Readonly<Record<CaseSort, CaseOrder>> = {
  dueAt: {
    sql: `COALESCE(c.due_at, '${NO_DEADLINE}'::timestamptz)`,
    descending: false,
    kind: 'time',
    cast: 'timestamptz',
    keyOf: (entity) => entity.dueAt?.toISOString() ?? NO_DEADLINE,
  },
  amount: {
    sql: 'c.requested_amount',
    descending: true,
    kind: 'decimal',
    cast: 'numeric',
    keyOf: (entity) => entity.requestedAmount,
  },
  // To the millisecond, as a cursor holds it: rows within one millisecond are then ordered by id alone.
  updated: {
    sql: `date_trunc('milliseconds', c.updated_at)`,
    descending: true,
    kind: 'time',
    cast: 'timestamptz',
    keyOf: (entity) => entity.updatedAt.toISOString(),
  },
};

/** The list's order of two rows: by the order's key (amounts as numbers), then by id, both in its direction. */
function compareRows(order: CaseOrder, a: CaseEntity, b: CaseEntity): number {
  const [ka, kb] = [order.keyOf(a), order.keyOf(b)];
  const byKey = order.kind === 'decimal' ? Number(fen(ka) - fen(kb)) : ka < kb ? -1 : ka > kb ? 1 : 0;
  const ascending = byKey !== 0 ? byKey : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return order.descending ? -ascending : ascending;
}

/** `%text%` for ILIKE, with the pattern's own characters escaped. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

@Injectable()
export class CaseQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly repairs: RepairQueries,
  ) {}

  /** The actor's cases, each condition of who may see them on a query builder of its own. */
  private visible(actor: Actor): SelectQueryBuilder<CaseEntity>[] {
    return eachCaseVisibility(actor, 'c', () => this.dataSource.getRepository(CaseEntity).createQueryBuilder('c'));
  }

  /**
   * A bank's work queue and everyone's case list: most urgent first unless sorted otherwise. Each condition
   * of who may see a case is read as a page of its own, in order from its index, and the pages merged: a
   * bank manager's cases at their bank, and the pooled cases open to it (one query with an OR between them
   * would sort every case of the bank for each page).
   */
  async list(actor: Actor, query: ListCasesQuery): Promise<Page<CaseResponse>> {
    const order = ORDERS[query.sort ?? 'dueAt'];
    const pages = await Promise.all(this.visible(actor).map((qb) => this.page(actor, query, order, qb)));
    const rows =
      pages.length === 1
        ? (pages[0] ?? [])
        : pages
            .flat()
            .sort((a, b) => compareRows(order, a, b))
            .slice(0, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toCaseResponse),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: order.keyOf(last), id: last.id }) : null,
    };
  }

  /**
   * How many cases the filters hold, in all and by status. The conditions of who may see a case are
   * disjoint (a bank's own cases have a bank, its pooled ones none), so their counts add up.
   */
  async counts(actor: Actor, filters: CaseFilters): Promise<CaseCountsResponse> {
    const groups = await Promise.all(
      this.visible(actor).map((qb) =>
        this.filtered(actor, filters, qb)
          .select('c.status', 'status')
          .addSelect('COUNT(*)::int', 'count')
          .groupBy('c.status')
          .getRawMany<{ status: CaseStatus; count: number }>(),
      ),
    );
    const counted = new Map<CaseStatus, number>();
    for (const { status, count } of groups.flat()) counted.set(status, (counted.get(status) ?? 0) + count);
    const byStatus = CASE_STATUSES.map((status) => ({ status, count: counted.get(status) ?? 0 }));
    return { total: byStatus.reduce((sum, s) => sum + s.count, 0), byStatus };
  }

  /** The filters on `qb`'s cases. */
  private filtered(
    actor: Actor,
    query: CaseFilters,
    qb: SelectQueryBuilder<CaseEntity>,
  ): SelectQueryBuilder<CaseEntity> {
    if (query.status !== undefined) qb.andWhere('c.status = :status', { status: query.status });
    if (query.kind !== undefined) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.bankId !== undefined) qb.andWhere('c.assignedBankId = :bankId', { bankId: query.bankId });
    if (query.chainId !== undefined) qb.andWhere('c.chainId = :chainId', { chainId: query.chainId });
    if (query.campaignId !== undefined) qb.andWhere('c.campaignId = :campaignId', { campaignId: query.campaignId });
    if (query.enterpriseId !== undefined) {
      qb.andWhere('c.enterpriseId = :enterpriseId', { enterpriseId: query.enterpriseId });
    }
    if (query.overdue !== undefined) {
      qb.andWhere(query.overdue ? 'c.dueAt < :now' : '(c.dueAt IS NULL OR c.dueAt >= :now)', {
        now: this.clock.now(),
      });
    }
    if (query.escalated !== undefined) qb.andWhere(query.escalated ? 'c.escalationLevel > 0' : 'c.escalationLevel = 0');
    if (query.diagnosedBy === 'me') {
      // From the officer's visits to their cases (`cases_by_origin_visit`), the visits gathered once: as
      // IN (subquery), the plan walked every case in order and looked its visit up in each month's partition.
      qb.andWhere('c.originVisitId = ANY (ARRAY(SELECT v.id FROM visits v WHERE v.visitor_user_id = :diagnosedBy))', {
        diagnosedBy: actor.userId,
      });
    }
    if (query.q !== undefined) {
      qb.andWhere(
        `(c.number ILIKE :q ESCAPE '\\' OR c.enterprise_id IN (SELECT e.id FROM enterprises e
          WHERE e.name ILIKE :q ESCAPE '\\' OR e.uscc ILIKE :q ESCAPE '\\'))`,
        { q: containing(query.q) },
      );
    }
    return qb;
  }

  /** One page of the cases `qb` sees, in the list's order, plus one to tell whether more follow. */
  private async page(
    actor: Actor,
    query: ListCasesQuery,
    order: CaseOrder,
    qb: SelectQueryBuilder<CaseEntity>,
  ): Promise<CaseEntity[]> {
    this.filtered(actor, query, qb);
    if (query.cursor !== undefined) {
      const key = decodeCursor(query.cursor, order.kind);
      qb.andWhere(
        `(${order.sql}, c.id) ${order.descending ? '<' : '>'} (CAST(:cursorKey AS ${order.cast}), CAST(:cursorId AS uuid))`,
        { cursorKey: key.at, cursorId: key.id },
      );
    }
    const direction = order.descending ? 'DESC' : 'ASC';
    return qb
      .orderBy(order.sql, direction)
      .addOrderBy('c.id', direction)
      .limit(query.limit + 1)
      .getMany();
  }

  /** One case with its timeline, deadlines, pool and loan contracts. */
  async get(actor: Actor, id: string): Promise<CaseDetailResponse> {
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c').where('c.id = :id', { id });
    const found = await whereCaseVisible(qb, actor).getOne();
    if (!found) throw DomainError.notFound('case');
    const [detail, repairs] = await Promise.all([
      readCaseDetail(this.dataSource, found),
      this.repairs.ofCase(this.dataSource.manager, found.id),
    ]);
    const codes = new Set(repairs.map((r) => r.reasonCode));
    for (const e of detail.timeline) {
      if (e.type === 'declined' && typeof e.data['reason'] === 'string') codes.add(e.data['reason']);
    }
    const reasons =
      codes.size === 0
        ? []
        : await this.dataSource.manager.find(DeclineReasonEntity, {
            where: { code: In([...codes]) },
            order: { code: 'ASC' },
          });
    return {
      ...detail,
      repairs,
      declineReasons: reasons.map((r) => ({
        code: r.code,
        name: r.name,
        repairable: r.repairable,
        repairPath: r.repairPath,
      })),
    };
  }
}
