import { Injectable } from '@nestjs/common';
import { OrganizationEntity, OutboxMessageEntity, UserEntity, type NotificationKind } from '@unblock/database';
import { In, type EntityManager } from 'typeorm';

export interface Notice {
  readonly kind: NotificationKind;
  readonly caseId: string | null;
  readonly title: string;
  readonly data: Record<string, unknown>;
  /** What makes this notice unique; each recipient's copy adds its user (or organization) id. */
  readonly key: string;
}

/**
 * Writes notices into the in-app inboxes of the given users and, for each of their organizations with a
 * webhook, a delivery and its outbox message, all in the caller's transaction. Each copy is written once
 * per idempotency key, however often the caller runs.
 */
@Injectable()
export class Notifier {
  async notify(manager: EntityManager, userIds: readonly string[], notice: Notice): Promise<number> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return 0;
    let written = 0;
    for (const userId of recipients) {
      const rows = await manager.query<unknown[]>(
        `INSERT INTO notifications (user_id, kind, case_id, title, data, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [userId, notice.kind, notice.caseId, notice.title, JSON.stringify(notice.data), `${notice.key}.${userId}`],
      );
      written += rows.length;
    }
    const users = await manager.find(UserEntity, { where: { id: In(recipients) }, select: ['id', 'organizationId'] });
    const organizationIds = [...new Set(users.map((u) => u.organizationId).filter((id): id is string => id !== null))];
    if (organizationIds.length === 0) return written;
    const organizations = await manager.find(OrganizationEntity, {
      where: { id: In(organizationIds) },
      select: ['id', 'webhookUrl'],
    });
    for (const organization of organizations.filter((o) => o.webhookUrl !== null)) {
      const idempotencyKey = `${notice.key}.${organization.id}`;
      const payload = {
        event: notice.kind,
        caseId: notice.caseId,
        title: notice.title,
        data: notice.data,
        idempotencyKey,
      };
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO webhook_deliveries (organization_id, idempotency_key, event, payload)
         VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [organization.id, idempotencyKey, notice.kind, JSON.stringify(payload)],
      );
      const deliveryId = rows[0]?.id;
      if (deliveryId !== undefined) {
        await manager.save(
          manager.create(OutboxMessageEntity, {
            type: 'notifications.webhook',
            caseId: notice.caseId,
            runAt: new Date(),
            payload: { deliveryId },
          }),
        );
      }
    }
    return written;
  }
}
