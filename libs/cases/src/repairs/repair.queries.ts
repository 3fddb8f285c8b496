import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseEntity,
  CaseObligationEntity,
  DeclineReasonEntity,
  EnterpriseEntity,
  OrganizationEntity,
  RepairTaskEntity,
  UserEntity,
  paginate,
  whereInScope,
  type Page,
  type PageRequest,
} from '@unblock/database';
import { Clock, DomainError, type Actor, type RepairTaskStatus } from '@unblock/domain';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { RepairTaskResponse } from './repair.response';

export interface RepairFilters {
  readonly status?: RepairTaskStatus | undefined;
  readonly caseId?: string | undefined;
}

/** A still-open task whose obligation closed: its case left the second diagnosis without it. */
const EFFECTIVE_STATUS = `CASE WHEN rt.status = 'open' AND (ob.met_at IS NOT NULL OR ob.cancelled_at IS NOT NULL)
                               THEN 'cancelled' ELSE rt.status END`;

/**
 * The repair tasks an actor may see: a partner officer, their organization's; a supervisor, those of the
 * cases in their region; an admin, all.
 */
@Injectable()
export class RepairQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, filters: RepairFilters, page: PageRequest): Promise<Page<RepairTaskResponse>> {
    const qb = this.visible(this.dataSource.manager, actor);
    if (filters.status !== undefined) qb.andWhere(`${EFFECTIVE_STATUS} = :status`, { status: filters.status });
    if (filters.caseId !== undefined) qb.andWhere('rt.caseId = :caseId', { caseId: filters.caseId });
    const result = await paginate(qb, 'rt', page);
    const items = await this.describe(this.dataSource.manager, result.items);
    return { ...result, items };
  }

  /** One task as the actor may see it (404 otherwise). */
  async get(manager: EntityManager, actor: Actor, id: string): Promise<RepairTaskEntity> {
    const task = await this.visible(manager, actor).andWhere('rt.id = :id', { id }).getOne();
    if (!task) throw DomainError.notFound('repair task');
    return task;
  }

  /** The tasks of a case, for its page. */
  async ofCase(manager: EntityManager, caseId: string): Promise<RepairTaskResponse[]> {
    const tasks = await manager.find(RepairTaskEntity, {
      where: { caseId },
      order: { openedAt: 'ASC', createdAt: 'ASC' },
    });
    return this.describe(manager, tasks);
  }

  private visible(manager: EntityManager, actor: Actor): SelectQueryBuilder<RepairTaskEntity> {
    const qb = manager
      .getRepository(RepairTaskEntity)
      .createQueryBuilder('rt')
      .innerJoin(CaseObligationEntity, 'ob', 'ob.id = rt.obligationId');
    if (actor.role === 'partner_officer') {
      return qb.andWhere('rt.organizationId = :org', {
        org: actor.organizationId ?? '00000000-0000-0000-0000-000000000000',
      });
    }
    qb.innerJoin(CaseEntity, 'c', 'c.id = rt.caseId');
    return whereInScope(qb, actor, 'c.regionCode');
  }

  /** Each task with its names, read in one batch per kind. */
  async describe(manager: EntityManager, tasks: readonly RepairTaskEntity[]): Promise<RepairTaskResponse[]> {
    if (tasks.length === 0) return [];
    const now = this.clock.now();
    const ids = (pick: (t: RepairTaskEntity) => string | null): string[] => [
      ...new Set(tasks.map(pick).filter((id): id is string => id !== null)),
    ];
    const [cases, obligations, organizations, reasons, users] = await Promise.all([
      manager.find(CaseEntity, { where: { id: In(ids((t) => t.caseId)) }, select: ['id', 'number', 'enterpriseId'] }),
      manager.find(CaseObligationEntity, { where: { id: In(ids((t) => t.obligationId)) } }),
      manager.find(OrganizationEntity, {
        where: { id: In([...ids((t) => t.organizationId), ...ids((t) => t.declinedByOrganizationId)]) },
        select: ['id', 'name'],
      }),
      manager.find(DeclineReasonEntity, { where: { code: In(ids((t) => t.reasonCode)) } }),
      manager.find(UserEntity, {
        where: { id: In([...ids((t) => t.openedByUserId), ...ids((t) => t.completedByUserId)]) },
        select: ['id', 'name'],
      }),
    ]);
    const enterprises = await manager.find(EnterpriseEntity, {
      where: { id: In([...new Set(cases.map((c) => c.enterpriseId))]) },
      select: ['id', 'name'],
    });
    const byId = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]));
    const caseOf = byId(cases);
    const obligationOf = byId(obligations);
    const organizationOf = byId(organizations);
    const enterpriseOf = byId(enterprises);
    const userOf = byId(users);
    const reasonOf = new Map(reasons.map((r) => [r.code, r]));
    return tasks.map((t) => {
      const c = caseOf.get(t.caseId);
      const obligation = obligationOf.get(t.obligationId);
      const closed = obligation !== undefined && (obligation.metAt !== null || obligation.cancelledAt !== null);
      const status: RepairTaskStatus = t.status === 'open' && closed ? 'cancelled' : t.status;
      const reason = reasonOf.get(t.reasonCode);
      const declinedBy =
        t.declinedByOrganizationId === null ? undefined : organizationOf.get(t.declinedByOrganizationId);
      return {
        id: t.id,
        caseId: t.caseId,
        caseNumber: c?.number ?? '',
        enterpriseId: c?.enterpriseId ?? '',
        enterpriseName: (c && enterpriseOf.get(c.enterpriseId)?.name) ?? '',
        organizationId: t.organizationId,
        organizationName: organizationOf.get(t.organizationId)?.name ?? '',
        reasonCode: t.reasonCode,
        reasonName: reason?.name ?? t.reasonCode,
        repairPath: reason?.repairPath ?? null,
        declinedByOrganizationId: t.declinedByOrganizationId,
        declinedByOrganizationName: declinedBy?.name ?? null,
        dueAt: t.dueAt.toISOString(),
        status,
        overdue: status === 'open' && t.dueAt.getTime() < now.getTime(),
        note: t.note,
        openedAt: t.openedAt.toISOString(),
        openedByName: userOf.get(t.openedByUserId)?.name ?? null,
        completedAt: t.completedAt === null ? null : t.completedAt.toISOString(),
        completedByName: t.completedByUserId === null ? null : (userOf.get(t.completedByUserId)?.name ?? null),
        outcomeNote: t.outcomeNote,
      };
    });
  }
}
