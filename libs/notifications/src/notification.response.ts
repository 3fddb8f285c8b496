import type { NotificationEntity, NotificationKind } from '@unblock/database';

export class NotificationResponse {
  id!: string;
  kind!: NotificationKind;
  caseId!: string | null;
  title!: string;
  data!: Record<string, unknown>;
  createdAt!: string;
  readAt!: string | null;
}

export function toNotificationResponse(n: NotificationEntity): NotificationResponse {
  return {
    id: n.id,
    kind: n.kind,
    caseId: n.caseId,
    title: n.title,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
