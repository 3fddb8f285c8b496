import { Injectable } from '@nestjs/common';
import { OutboxMessageEntity, type NotificationKind } from '@unblock/database';
import type { EntityManager } from 'typeorm';

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
    // Every recipient's copy in one statement; a copy already there (same key) is left alone.
    const written = await manager.query<unknown[]>(
      `INSERT INTO notifications (user_id, kind, case_id, title, data, idempotency_key)
       SELECT u, $2::text, $3::uuid, $4::text, $5::jsonb, $6::text || '.' || u::text FROM unnest($1::uuid[]) AS u
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [recipients, notice.kind, notice.caseId, notice.title, JSON.stringify(notice.data), notice.key],
    );
    // The recipients' organizations that configured a webhook.
    const organizations = await manager.query<{ id: string }[]>(
      `SELECT DISTINCT o.id FROM organizations o JOIN users u ON u.organization_id = o.id
        WHERE u.id = ANY($1::uuid[]) AND o.webhook_url IS NOT NULL`,
      [recipients],
    );
    for (const organization of organizations) {
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
    return written.length;
  }
}
