import type { Param } from '../sql-params';

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

/**
 * The one INSERT of audit records: `select` answers their columns, in the order of its column list; with
 * `link`, the last is the enterprise link an action on an enterprise's own page came through.
 */
function insertAuditRecords(select: string, link = false): string {
  return `INSERT INTO audit_records (actor_user_id, at, action, entity, entity_id, status, ip, user_agent, request_id${link ? ', enterprise_link_id' : ''})
          ${select}`;
}

/**
 * The INSERT of the audit records of the rows a statement made, for a CTE of that statement: one record per
 * row of `from` (a CTE answering the rows, whose `id` is the record's entity id), with `status`. Each value of
 * the stamp goes through `param`, which answers its placeholder.
 */
export function auditRecordsInsert(stamp: AuditStamp, from: string, status: number, param: Param): string {
  return insertAuditRecords(`SELECT ${param(stamp.actorUserId)}::uuid, ${param(stamp.at)}::timestamptz, ${param(stamp.action)}::text,
                 ${param(stamp.entity)}::text, ${from}.id::text, ${status}, ${param(stamp.ip)}::text,
                 ${param(stamp.userAgent)}::text, ${param(stamp.requestId)}::text
            FROM ${from}`);
}

/**
 * Audit records written on their own (a write whose statement did not write its record), given as
 * parallel arrays with one element per record: actor user ids $1, times $2, actions $3, entities $4,
 * entity ids $5, statuses $6, client addresses $7, user agents $8, request ids $9, enterprise links $10.
 */
export const INSERT_AUDIT_RECORDS = insertAuditRecords(
  `SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[],
                       $8::text[], $9::text[], $10::uuid[])`,
  true,
);
