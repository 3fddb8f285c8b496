import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationEntity, paginate, type NotificationKind, type Page, type PageRequest } from '@unblock/database';
import { Clock, DomainError, type Actor } from '@unblock/domain';
import { DataSource, IsNull } from 'typeorm';
import { NotificationResponse, toNotificationResponse } from './notification.response';

export interface ListNotificationsQuery extends PageRequest {
  readonly unread?: boolean | undefined;
  readonly kind?: NotificationKind | undefined;
}

/** The actor's own in-app inbox. */
@Injectable()
export class NotificationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Newest first (by when each was written), the cursor walking on to older ones: today's lines lead. */
  async list(actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationResponse>> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.userId = :userId', { userId: actor.userId });
    if (query.unread === true) qb.andWhere('n.readAt IS NULL');
    if (query.unread === false) qb.andWhere('n.readAt IS NOT NULL');
    if (query.kind !== undefined) qb.andWhere('n.kind = :kind', { kind: query.kind });
    const page = await paginate(qb, 'n', query, 'DESC');
    return { items: page.items.map(toNotificationResponse), nextCursor: page.nextCursor };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationResponse> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    await repository.update({ id, userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.now() });
    const notification = await repository.findOneBy({ id, userId: actor.userId });
    if (!notification) throw DomainError.notFound('notification');
    return toNotificationResponse(notification);
  }
}
