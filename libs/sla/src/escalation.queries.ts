import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
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
import { toEscalationResponse, type EscalationResponse } from './escalation.response';

export interface ListEscalationsQuery extends PageRequest {
  readonly level?: EscalationLevel | undefined;
  readonly status?: EscalationStatus | undefined;
  readonly bankId?: string | undefined;
  readonly chainId?: string | undefined;
  readonly regionCode?: string | undefined;
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
    const now = this.clock.now();
    return { items: page.items.map((e) => toEscalationResponse(e, now)), nextCursor: page.nextCursor };
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
      return toEscalationResponse(await manager.findOneByOrFail(EscalationEntity, { id }), now);
    });
  }
}
