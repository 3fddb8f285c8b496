/**
 * What an audit record says of a write besides the row it wrote and its outcome: who, when, what, from
 * where. A use case given one writes the audit record in the statement of its own write (atomic with it,
 * and no round trip of its own); the HTTP layer writes the others.
 */
export interface AuditStamp {
  readonly actorUserId: string | null;
  readonly at: Date;
  readonly action: string;
  readonly entity: string;
  readonly ip: string;
  readonly userAgent: string | null;
  readonly requestId: string;
}
