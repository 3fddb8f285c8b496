import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseEntity,
  decodeCursor,
  eachCaseVisibility,
  encodeCursor,
  whereCaseVisible,
  type Page,
} from '@unblock/database';
import { Clock, DomainError, type Actor, type CaseStatus } from '@unblock/domain';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { readCaseDetail } from './case-detail.reader';
import { CaseDetailResponse, CaseResponse, toCaseResponse } from './case.response';

export interface ListCasesQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly status?: CaseStatus | undefined;
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
}

/** The values of the `diagnosedBy` filter. */
export const DIAGNOSED_BY = ['me'] as const;
export type DiagnosedBy = (typeof DIAGNOSED_BY)[number];

/** Sorting key of the work queue: the nearest deadline first, cases without one last. */
const NO_DEADLINE = '9999-12-31T00:00:00.000Z';

/** The queue order as one comparable string: the deadline (ISO, fixed width), then the id. */
function sortKey(entity: CaseEntity): string {
  return `${entity.dueAt?.toISOString() ?? NO_DEADLINE}|${entity.id}`;
}

@Injectable()
export class CaseQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * A bank's work queue and everyone's case list: most urgent first. Each condition of who may see a case
   * is read as a page of its own, in order from its index, and the pages merged: a bank manager's cases at
   * their bank, and the pooled cases open to it (one query with an OR between them would sort every case of
   * the bank for each page).
   */
  async list(actor: Actor, query: ListCasesQuery): Promise<Page<CaseResponse>> {
    const pages = await Promise.all(
      eachCaseVisibility(actor, 'c', () => this.dataSource.getRepository(CaseEntity).createQueryBuilder('c')).map(
        (qb) => this.page(actor, query, qb),
      ),
    );
    const rows =
      pages.length === 1
        ? (pages[0] ?? [])
        : pages
            .flat()
            .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))
            .slice(0, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toCaseResponse),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ at: last.dueAt?.toISOString() ?? NO_DEADLINE, id: last.id })
          : null,
    };
  }

  /** One page of the cases `qb` sees, in queue order, plus one to tell whether more follow. */
  private async page(actor: Actor, query: ListCasesQuery, qb: SelectQueryBuilder<CaseEntity>): Promise<CaseEntity[]> {
    const due = `COALESCE(c.due_at, '${NO_DEADLINE}'::timestamptz)`;
    if (query.status !== undefined) qb.andWhere('c.status = :status', { status: query.status });
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
      qb.andWhere('c.originVisitId IN (SELECT v.id FROM visits v WHERE v.visitor_user_id = :diagnosedBy)', {
        diagnosedBy: actor.userId,
      });
    }
    if (query.cursor !== undefined) {
      const key = decodeCursor(query.cursor);
      qb.andWhere(`(${due}, c.id) > (CAST(:cursorDue AS timestamptz), CAST(:cursorId AS uuid))`, {
        cursorDue: key.at,
        cursorId: key.id,
      });
    }
    return qb
      .orderBy(due, 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(query.limit + 1)
      .getMany();
  }

  /** One case with its timeline, deadlines, pool and loan contracts. */
  async get(actor: Actor, id: string): Promise<CaseDetailResponse> {
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c').where('c.id = :id', { id });
    const found = await whereCaseVisible(qb, actor).getOne();
    if (!found) throw DomainError.notFound('case');
    return readCaseDetail(this.dataSource, found);
  }
}
