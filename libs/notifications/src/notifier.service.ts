import { Injectable } from '@nestjs/common';
import {
  INSERT_INBOX_COPIES,
  INSERT_WEBHOOK_DELIVERIES,
  WEBHOOK_ORGANIZATIONS_OF_USERS,
  uuidV7,
  type NotificationKind,
} from '@unblock/database';
import { OUTBOX_TYPES } from '@unblock/queue';
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
    const [written] = await this.notifyMany(manager, [{ userIds, notice }]);
    return written ?? 0;
  }

  /**
   * Many notices, each to its users, in three statements whatever their number; answers, for each, how
   * many inbox copies were new.
   */
  async notifyMany(
    manager: EntityManager,
    notices: readonly { readonly userIds: readonly string[]; readonly notice: Notice }[],
  ): Promise<number[]> {
    const sends = notices.map(({ userIds, notice }) => ({ users: [...new Set(userIds)], notice }));
    const recipients = [...new Set(sends.flatMap((s) => s.users))];
    if (recipients.length === 0) return sends.map(() => 0);
    // Every recipient's copy in one statement; a copy already there (same key) is left alone.
    const rows = sends.flatMap(({ users, notice }, i) =>
      users.length === 0
        ? []
        : [
            {
              i,
              users,
              ids: users.map(() => uuidV7()),
              kind: notice.kind,
              case_id: notice.caseId,
              title: notice.title,
              data: notice.data,
              key: notice.key,
            },
          ],
    );
    const written = await manager.query<{ i: number }[]>(INSERT_INBOX_COPIES, [JSON.stringify(rows)]);
    const counts = sends.map(() => 0);
    for (const w of written) counts[w.i] = (counts[w.i] ?? 0) + 1;

    // The recipients' organizations that configured a webhook: a delivery per notice and organization.
    const organizations = await manager.query<{ user_id: string; organization_id: string }[]>(
      WEBHOOK_ORGANIZATIONS_OF_USERS,
      [recipients],
    );
    if (organizations.length === 0) return counts;
    const organizationOf = new Map(organizations.map((o) => [o.user_id, o.organization_id]));
    const deliveries = sends.flatMap(({ users, notice }) =>
      [...new Set(users.flatMap((u) => organizationOf.get(u) ?? []))].map((organization) => {
        const idempotencyKey = `${notice.key}.${organization}`;
        return {
          organization_id: organization,
          idempotency_key: idempotencyKey,
          event: notice.kind,
          case_id: notice.caseId,
          payload: {
            event: notice.kind,
            caseId: notice.caseId,
            title: notice.title,
            data: notice.data,
            idempotencyKey,
          },
        };
      }),
    );
    // The deliveries that are new, and the outbox message of each, in one statement.
    await manager.query(INSERT_WEBHOOK_DELIVERIES, [JSON.stringify(deliveries), new Date(), OUTBOX_TYPES.webhook]);
    return counts;
  }
}
