import { SqlParams, type Param } from '../sql-params';
import { auditRecordsInsert, type AuditStamp } from './audit-records.sql';
import { insertCaseEventsFrom } from './case-events.sql';
import { ROW_COLUMNS, pickColumns, rowJson, type CaseWriteRow } from './case-write-row';
import { insertOutboxFrom } from './outbox.sql';
import { slaPlanStampSql } from './sla-policies.sql';

export interface CaseWriteOptions {
  readonly at: Date;
  /** For cases not read before: who must be able to see them, as a condition on the cases of an alias. */
  readonly visibleSql?: (alias: string, param: Param) => string;
  /** The audit record of a single write, written by the same statement (status 200). */
  readonly audit?: AuditStamp | undefined;
}

export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** An obligation of `alias` still open: neither met nor cancelled. */
function open(alias: string): string {
  return `${alias}.met_at IS NULL AND ${alias}.cancelled_at IS NULL`;
}

/**
 * Which open escalations `pick`'s write settles, as a condition on `e`: all (a supervisor's action), or
 * those of a kind it meets that is open on the case. The check of the obligation is a scalar subquery, so
 * that it runs only for the case's open escalations, never as a scan of every obligation.
 */
const SETTLES = `(pick.settle_all OR (e.obligation = ANY(pick.meet) AND NOT pick.cancel_open
  AND COALESCE((SELECT true FROM case_obligations so WHERE so.case_id = e.case_id AND so.obligation = e.obligation
                   AND ${open('so')} LIMIT 1), false)))`;
/** `SETTLES`, and those of the obligations a write meets by id (`meet_ids`, in the shapes that have them). */
const SETTLES_BY_ID = `(e.obligation_id = ANY(pick.meet_ids) OR ${SETTLES})`;

/**
 * The one statement of a lifecycle transition, for one case or many: the conditional UPDATE of each case
 * (status, the plan's columns, the nearest open deadline, the escalation level, version) and, for each case
 * it updated, its obligations met, cancelled, moved and opened, its pool emptied, its outbox messages, its
 * settled escalations, its timeline event and, for one case, its audit record. Nothing is written for a case
 * whose status or version changed since it was read; the statement answers the updated rows (`cases.*`).
 *
 * Given `visibleSql`, the cases were not read before: the statement reads each (as that actor may see it,
 * with its plan's stamp), and writes the row whose premise holds, if any. `new_due` holds the deadline of
 * every obligation opened, those opened by the later statement included, so that the case's due date counts them.
 */
export function caseWriteStatement(rows: readonly CaseWriteRow[], options: CaseWriteOptions): Statement {
  const premised = rows.filter((r) => r.premise !== undefined).length;
  if (premised !== 0 && (premised !== rows.length || options.visibleSql === undefined)) {
    throw new Error('a write of cases not read before gives every row a premise, and who must see them');
  }
  if (premised !== 0 && rows.some((r) => r.openLater || r.poolMembers.length > 0)) {
    throw new Error('a write of cases not read before is one statement');
  }
  if (options.audit !== undefined && new Set(rows.map((r) => r.caseId)).size !== 1) {
    throw new Error('an audit record goes with the write of one case');
  }
  const params = new SqlParams();
  const $ = params.add;
  // The values, in an order that does not depend on the text: the text is then built once per shape.
  const json = $(JSON.stringify(rows.map(rowJson)));
  const at = `${$(options.at)}::timestamptz`;
  const ids = [...new Set(rows.map((r) => r.caseId))];
  const idKey = ids.length === 1 ? `${$(ids[0])}::uuid` : `ANY(${$(ids)}::uuid[])`;
  const visible = premised === 0 ? null : (options.visibleSql?.('c', $) ?? 'false');
  const audit = options.audit === undefined ? null : auditRecordsInsert(options.audit, 'upd', 200, $);
  const shape: WriteShape = {
    premised: premised !== 0,
    patched: [...new Set(rows.flatMap((r) => Object.keys(r.patch)).filter((c) => c !== 'escalation_level'))].sort(),
    meet: rows.some((r) => r.meet.length > 0 && !r.cancelOpen),
    meetIds: rows.some((r) => r.meetIds.length > 0 && !r.cancelOpen),
    cancel: rows.some((r) => r.cancelOpen),
    move: rows.some((r) => r.moved.length > 0),
    open: rows.some((r) => r.opened.length > 0 && !r.openLater),
    clearPool: rows.some((r) => r.clearPool),
    outbox: rows.some((r) => r.outbox.length > 0),
    settle: rows.some((r) => r.settleAll || ((r.meet.length > 0 || r.meetIds.length > 0) && !r.cancelOpen)),
  };
  const key = [
    shape.premised,
    shape.patched.join(','),
    shape.meet,
    shape.meetIds,
    shape.cancel,
    shape.move,
    shape.open,
    shape.clearPool,
    shape.outbox,
    shape.settle,
    idKey,
    visible,
    audit,
  ].join('|');
  let text = TEXTS.get(key);
  if (text === undefined) {
    if (TEXTS.size >= KEPT_TEXTS) TEXTS.clear();
    text = caseWriteText(shape, { json, at, idKey, visible, audit });
    TEXTS.set(key, text);
  }
  return { text, values: params.values };
}

/** What decides a write statement's text besides its placeholders. */
interface WriteShape {
  readonly premised: boolean;
  readonly patched: readonly string[];
  readonly meet: boolean;
  /** Some row meets obligations by id (one repair task of several): the text reads `meet_ids`. */
  readonly meetIds: boolean;
  readonly cancel: boolean;
  readonly move: boolean;
  readonly open: boolean;
  readonly clearPool: boolean;
  readonly outbox: boolean;
  readonly settle: boolean;
}

/** Statement texts by shape and placeholders: the hot paths' few shapes, each built once. */
const TEXTS = new Map<string, string>();
const KEPT_TEXTS = 500;

function caseWriteText(
  shape: WriteShape,
  placeholders: {
    readonly json: string;
    readonly at: string;
    readonly idKey: string;
    readonly visible: string | null;
    readonly audit: string | null;
  },
): string {
  const { json, at, idKey, visible, audit } = placeholders;
  const byId = shape.meetIds;
  const input = `jsonb_to_recordset(${json}::jsonb) AS v(${ROW_COLUMNS}${byId ? ', meet_ids uuid[]' : ''})`;
  const pickMore = byId ? `, COALESCE(v.meet_ids, '{}') AS meet_ids` : '';
  const settles = byId ? SETTLES_BY_ID : SETTLES;
  // Every table is reached by the cases' ids as parameters, so that a generic plan looks rows up by key
  // whatever it guesses of the rows the CTEs carry.
  const ofCases = (column: string): string => `${column} = ${idKey}`;
  const patched = shape.patched;
  const ctes: string[] = [];
  if (visible === null) {
    ctes.push(`pick AS (SELECT ${pickColumns('v.version')}${pickMore} FROM ${input})`);
  } else {
    // Each case is read once (MATERIALIZED): inlined, its plan's stamp would be read for every candidate row.
    // A renewal's deadlines are capped at its loan's maturity, which no plan planned beforehand knows.
    ctes.push(
      `cur AS MATERIALIZED (
         SELECT c.id, c.version, c.status,
                (SELECT stamp FROM (${slaPlanStampSql('c.campaign_id')}) AS plan) AS sla_stamp
           FROM cases c
          WHERE ${ofCases('c.id')} AND c.renewal_due_by IS NULL AND ${visible})`,
      `pick AS (SELECT ${pickColumns('cur.version')}${pickMore}
                  FROM ${input} JOIN cur ON cur.id = v.id AND cur.status = v.status
                                 AND (v.version IS NULL OR cur.version = v.version)
                                 AND cur.sla_stamp IS NOT DISTINCT FROM v.stamp)`,
    );
  }
  const sets = [
    'status = pick.to_status',
    ...(patched.length === 0
      ? []
      : [
          `(${patched.join(', ')}) = (SELECT ${patched.map((c) => `p.${c}`).join(', ')}
                                         FROM jsonb_populate_record(c, pick.patch) AS p)`,
        ]),
    // The nearest deadline of the obligations open after the write.
    `due_at = (SELECT min(d.due_at) FROM (
                 SELECT o.due_at FROM case_obligations o
                  WHERE o.case_id = c.id AND ${open('o')} AND NOT pick.cancel_open
                    AND o.obligation <> ALL(pick.meet) AND o.id <> ALL(pick.moved_ids)${byId ? ' AND o.id <> ALL(pick.meet_ids)' : ''}
                 UNION ALL SELECT unnest(pick.moved_due)
                 UNION ALL SELECT unnest(pick.new_due)) AS d)`,
    // Settling escalations leaves the case at the highest level still open; else the plan's level, or as it is.
    `escalation_level = CASE
       WHEN (pick.settle_all OR (cardinality(pick.meet) > 0 AND NOT pick.cancel_open)${byId ? ' OR cardinality(pick.meet_ids) > 0' : ''})
        AND EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = c.id AND e.status <> 'resolved' AND ${settles})
       THEN COALESCE((SELECT max(e.level) FROM escalations e
                       WHERE e.case_id = c.id AND e.status <> 'resolved' AND NOT ${settles}), 0)
       ELSE COALESCE((pick.patch->>'escalation_level')::smallint, c.escalation_level) END`,
    'version = c.version + 1',
    'updated_at = now()',
  ];
  ctes.push(`upd AS (UPDATE cases c SET ${sets.join(',\n')}
                FROM pick
               WHERE ${ofCases('c.id')} AND c.id = pick.id AND c.version = pick.version AND c.status = pick.status
              RETURNING c.*)`);
  const written = 'upd JOIN pick ON pick.id = upd.id';
  if (shape.meet || byId) {
    const met = byId ? '(o.obligation = ANY(pick.meet) OR o.id = ANY(pick.meet_ids))' : 'o.obligation = ANY(pick.meet)';
    ctes.push(`met AS (UPDATE case_obligations o SET met_at = ${at}, updated_at = now() FROM ${written}
                WHERE ${ofCases('o.case_id')} AND o.case_id = upd.id AND ${met} AND ${open('o')})`);
  }
  if (shape.cancel) {
    ctes.push(`cancelled AS (UPDATE case_obligations o SET cancelled_at = ${at}, updated_at = now() FROM ${written}
                WHERE ${ofCases('o.case_id')} AND o.case_id = upd.id AND pick.cancel_open AND ${open('o')})`);
  }
  if (shape.move) {
    ctes.push(`moved AS (UPDATE case_obligations o SET due_at = m.due_at, remind_at = m.remind_at, updated_at = now()
                FROM ${written}, unnest(pick.moved_ids, pick.moved_due, pick.moved_remind) AS m(id, due_at, remind_at)
                WHERE ${ofCases('o.case_id')} AND o.case_id = upd.id AND o.id = m.id)`);
  }
  if (shape.open) {
    ctes.push(`opened AS (INSERT INTO case_obligations (id, case_id, obligation, opened_at, due_at, remind_at)
                SELECT f.id, upd.id, f.obligation, ${at}, f.due_at, f.remind_at
                  FROM ${written},
                       unnest(pick.opened_ids, pick.opened_kinds, pick.opened_due, pick.opened_remind)
                         AS f(id, obligation, due_at, remind_at))`);
  }
  if (shape.clearPool) {
    ctes.push(`pool AS (DELETE FROM case_pool_members pm USING ${written}
                WHERE ${ofCases('pm.case_id')} AND pm.case_id = upd.id AND pick.clear_pool)`);
  }
  if (shape.outbox) {
    ctes.push(
      `outbox AS (${insertOutboxFrom(`(SELECT m.type, upd.id AS case_id, m.run_at, m.payload
        FROM ${written}, jsonb_to_recordset(pick.outbox) AS m(type text, run_at timestamptz, payload jsonb)) AS rows`)})`,
    );
  }
  if (shape.settle) {
    ctes.push(`settled AS (UPDATE escalations e
                SET status = 'resolved', resolved_at = ${at}, updated_at = now(), resolution = pick.resolution
                FROM ${written}
               WHERE ${ofCases('e.case_id')} AND e.case_id = upd.id AND e.status <> 'resolved' AND ${settles})`);
  }
  ctes.push(
    `event AS (${insertCaseEventsFrom(`(SELECT upd.id AS case_id, pick.event_type AS type,
      pick.actor AS actor_user_id, ${at} AS at, pick.event_data AS data FROM ${written}) AS rows`)})`,
  );
  if (audit !== null) ctes.push(`audited AS (${audit})`);
  return `WITH ${ctes.join(',\n')}\nSELECT * FROM upd`;
}

/**
 * What a transition writes after its statement, for the cases it updated: the obligations opened again
 * (`openLater`) and the new pool members. Null when there is nothing.
 */
export function caseWriteLaterStatement(
  rows: readonly CaseWriteRow[],
  updated: ReadonlySet<string>,
  at: Date,
): Statement | null {
  const written = rows.filter((r) => updated.has(r.caseId));
  const opened = written.flatMap((r) =>
    r.openLater
      ? r.opened.map((o) => ({
          id: o.id,
          case_id: r.caseId,
          obligation: o.obligation,
          due_at: o.dueAt,
          remind_at: o.remindAt,
        }))
      : [],
  );
  const members = written.flatMap((r) => r.poolMembers.map((org) => ({ case_id: r.caseId, organization_id: org })));
  if (opened.length === 0 && members.length === 0) return null;
  return {
    text: `WITH opened AS (
             INSERT INTO case_obligations (id, case_id, obligation, opened_at, due_at, remind_at)
             SELECT f.id, f.case_id, f.obligation, $3::timestamptz, f.due_at, f.remind_at
               FROM jsonb_to_recordset($1::jsonb)
                    AS f(id uuid, case_id uuid, obligation text, due_at timestamptz, remind_at timestamptz))
           INSERT INTO case_pool_members (case_id, organization_id)
           SELECT p.case_id, p.organization_id FROM jsonb_to_recordset($2::jsonb) AS p(case_id uuid, organization_id uuid)`,
    values: [JSON.stringify(opened), JSON.stringify(members), at],
  };
}

/**
 * The cases as an actor sees them (the others are left out), each with its open obligations as JSON
 * (`open_obligations`: times in epoch milliseconds) and, for one case, its campaign's SLA plan stamp
 * (`sla_stamp`). One case is read by equality, so that a prepared statement keeps one generic plan.
 */
export function caseLoadStatement(
  caseIds: readonly string[],
  visibleSql: (alias: string, param: Param) => string,
): Statement {
  const single = caseIds.length === 1;
  const params = new SqlParams([single ? caseIds[0] : caseIds]);
  const text = `SELECT c.*,
      (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'obligation', o.obligation,
          'opened_at', (extract(epoch FROM o.opened_at) * 1000)::float8,
          'due_at', (extract(epoch FROM o.due_at) * 1000)::float8,
          'remind_at', (extract(epoch FROM o.remind_at) * 1000)::float8)), '[]'::json)
         FROM case_obligations o WHERE o.case_id = c.id AND ${open('o')}) AS open_obligations${
           single ? `,\n      (SELECT stamp FROM (${slaPlanStampSql('c.campaign_id')}) AS plan) AS sla_stamp` : ''
         }
    FROM cases c
   WHERE ${single ? 'c.id = $1::uuid' : 'c.id = ANY($1::uuid[])'} AND ${visibleSql('c', params.add)}`;
  return { text, values: params.values };
}

/** The next case number's sequence value (`n`, as text). */
export const NEXT_CASE_NUMBER = `SELECT nextval('case_number_seq')::text AS n`;
