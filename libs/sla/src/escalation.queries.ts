import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseEntity,
  EscalationEntity,
  inTransaction,
  paginate,
  whereInScope,
  whereWithinRegion,
  type Page,
  type PageRequest,
} from '@unblock/database';
import { Clock, DomainError, type Actor, type EscalationLevel, type EscalationStatus } from '@unblock/domain';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { toEscalationResponse, type EscalationCase, type EscalationResponse } from './escalation.response';

export interface ListEscalationsQuery extends PageRequest {
  readonly level?: EscalationLevel | undefined;
  readonly status?: EscalationStatus | undefined;
  readonly bankId?: string | undefined;
  readonly chainId?: string | undefined;
  readonly regionCode?: string | undefined;
}

/** The number and enterprise of each case of some escalations, by case id (one query). */
async function casesOf(
  manager: EntityManager,
  escalations: readonly EscalationEntity[],
): Promise<Map<string, EscalationCase>> {
  const ids = [...new Set(escalations.map((e) => e.caseId))];
  if (ids.length === 0) return new Map();
  const rows = await manager
    .getRepository(CaseEntity)
    .createQueryBuilder('c')
    .innerJoin('c.enterprise', 'ent')
    .select('c.id', 'id')
    .addSelect('c.number', 'number')
    .addSelect('ent.id', 'enterpriseId')
    .addSelect('ent.name', 'enterpriseName')
    .where('c.id IN (:...ids)', { ids })
    .getRawMany<EscalationCase & { id: string }>();
  return new Map(rows.map(({ id, ...of }) => [id, of]));
}

/** An escalation's case from `casesOf` (its row exists: an escalation holds its case by a foreign key). */
function caseOf(cases: ReadonlyMap<string, EscalationCase>, e: EscalationEntity): EscalationCase {
  const found = cases.get(e.caseId);
  if (!found) throw new Error(`the case ${e.caseId} of escalation ${e.id} was not read`);
  return found;
}

/** The supervisors' queue: escalations of their region, oldest first. */
@Injectable()
export class EscalationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private scoped(actor: Actor, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<EscalationEntity> {
    return whereInScope(manager.getRepository(EscalationEntity).createQueryBuilder('e'), actor, 'e.regionCode');
  }

  async list(actor: Actor, query: ListEscalationsQuery): Promise<Page<EscalationResponse>> {
    const qb = this.scoped(actor);
    if (query.level !== undefined) qb.andWhere('e.level = :level', { level: query.level });
    if (query.status !== undefined) qb.andWhere('e.status = :status', { status: query.status });
    if (query.bankId !== undefined) qb.andWhere('e.bankId = :bankId', { bankId: query.bankId });
    if (query.chainId !== undefined) qb.andWhere('e.chainId = :chainId', { chainId: query.chainId });
    whereWithinRegion(qb, 'e.regionCode', query.regionCode);
    // Creation order is opening order: the oldest escalation first.
    const page = await paginate(qb, 'e', query);
    const cases = await casesOf(this.dataSource.manager, page.items);
    const now = this.clock.now();
    return {
      items: page.items.map((e) => toEscalationResponse(e, caseOf(cases, e), now)),
      nextCursor: page.nextCursor,
    };
  }

  /** A supervisor has seen it: acknowledged, still unresolved until the obligation is met or they act. */
  acknowledge(actor: Actor, id: string): Promise<EscalationResponse> {
    return inTransaction(this.dataSource, async (manager) => {
      const escalation = await this.scoped(actor, manager)
        .andWhere('e.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!escalation) throw DomainError.notFound('escalation');
      if (escalation.status !== 'open') {
        throw DomainError.conflict(`the escalation is ${escalation.status}`, undefined, {
          currentStatus: escalation.status,
        });
      }
      const now = this.clock.now();
      await manager.update(
        EscalationEntity,
        { id },
        { status: 'acknowledged', acknowledgedAt: now, acknowledgedByUserId: actor.userId },
      );
      const updated = await manager.findOneByOrFail(EscalationEntity, { id });
      return toEscalationResponse(updated, caseOf(await casesOf(manager, [updated]), updated), now);
    });
  }
}
