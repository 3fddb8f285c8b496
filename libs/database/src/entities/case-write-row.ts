/** A transition's write of one case, decided before its statement runs, and its form in the statement's JSON. */

/** An obligation a transition opens, its id chosen beforehand (its outbox messages name it). */
export interface OpenedObligationRow {
  readonly id: string;
  readonly obligation: string;
  readonly dueAt: Date;
  readonly remindAt: Date | null;
}

/** An open obligation whose deadline a transition moves. */
export interface MovedObligationRow {
  readonly id: string;
  readonly dueAt: Date;
  readonly remindAt: Date | null;
}

/** What a write assumes of a case it has not read: its campaign's SLA plan (by stamp). */
export interface CasePremise {
  readonly slaStamp: string | null;
}

/**
 * One case's write in a transition, decided before the statement runs. The statement writes it only when
 * the case is still at `status` and `version` (and, for a case not read before, when its `premise` holds).
 */
export interface CaseWriteRow {
  readonly caseId: string;
  readonly status: string;
  /** Null: whichever version the statement reads (a case not read before, no version expected). */
  readonly version: number | null;
  readonly premise?: CasePremise | undefined;
  readonly to: string;
  /** Columns (database names) and their values as persisted; `escalation_level` among them is a floor of sorts: settled escalations decide it. */
  readonly patch: Readonly<Record<string, unknown>>;
  /** Meet the open obligations of these kinds (and settle their escalations). */
  readonly meet: readonly string[];
  /** Meet these open obligations by id (one repair task of several), and settle their escalations. */
  readonly meetIds: readonly string[];
  /** Cancel every open obligation. */
  readonly cancelOpen: boolean;
  readonly moved: readonly MovedObligationRow[];
  readonly opened: readonly OpenedObligationRow[];
  /** The opened obligations go in a second statement: a kind is closed and opened again (one unique key). */
  readonly openLater: boolean;
  /** Settle every open escalation (a supervisor's action), with this resolution; else those of the met kinds. */
  readonly settleAll: boolean;
  readonly resolution: string;
  /** Remove the case's pool members; `poolMembers` are then added in a second statement. */
  readonly clearPool: boolean;
  readonly poolMembers: readonly string[];
  readonly outbox: readonly { readonly type: string; readonly runAt: Date; readonly payload: object }[];
  readonly event: { readonly type: string; readonly actorUserId: string | null; readonly data: object };
}

/** The columns of one row of the write, as the statement reads them from its JSON parameter. */
export const ROW_COLUMNS = `id uuid, status text, version int, stamp text, to_status text, patch jsonb,
  meet text[], cancel_open boolean, moved_ids uuid[], moved_due timestamptz[], moved_remind timestamptz[],
  opened_ids uuid[], opened_kinds text[], opened_due timestamptz[], opened_remind timestamptz[], new_due timestamptz[],
  settle_all boolean, resolution text, clear_pool boolean, outbox jsonb, event_type text, actor uuid, event_data jsonb`;

/** A list of obligations' ids and times, as the statement's JSON takes them. */
interface ObligationColumns {
  readonly ids: readonly string[];
  readonly kinds: readonly string[];
  readonly due: readonly string[];
  readonly remind: readonly (string | null)[];
}

/** Kept per list of obligations, which the variants of a write share. */
const OBLIGATION_COLUMNS = new WeakMap<readonly (OpenedObligationRow | MovedObligationRow)[], ObligationColumns>();

function obligationColumns(list: readonly (OpenedObligationRow | MovedObligationRow)[]): ObligationColumns {
  let columns = OBLIGATION_COLUMNS.get(list);
  if (columns === undefined) {
    columns = {
      ids: list.map((o) => o.id),
      kinds: list.map((o) => ('obligation' in o ? o.obligation : '')),
      due: list.map((o) => o.dueAt.toISOString()),
      remind: list.map((o) => o.remindAt?.toISOString() ?? null),
    };
    OBLIGATION_COLUMNS.set(list, columns);
  }
  return columns;
}

/**
 * One row of the statement's JSON. What is empty, false or null is left out (the statement reads it as
 * such: `PICK_COLUMNS`), so that the row travels and parses small.
 */
export function rowJson(row: CaseWriteRow): Record<string, unknown> {
  const json: Record<string, unknown> = { id: row.caseId, status: row.status, to_status: row.to };
  if (row.version !== null) json['version'] = row.version;
  if (row.premise?.slaStamp != null) json['stamp'] = row.premise.slaStamp;
  if (Object.keys(row.patch).length > 0) json['patch'] = row.patch;
  if (row.cancelOpen) json['cancel_open'] = true;
  else {
    if (row.meet.length > 0) json['meet'] = row.meet;
    if (row.meetIds.length > 0) json['meet_ids'] = row.meetIds;
  }
  if (row.moved.length > 0) {
    const moved = obligationColumns(row.moved);
    json['moved_ids'] = moved.ids;
    json['moved_due'] = moved.due;
    json['moved_remind'] = moved.remind;
  }
  if (row.opened.length > 0) {
    const opened = obligationColumns(row.opened);
    if (row.openLater) {
      json['new_due'] = opened.due;
    } else {
      json['opened_ids'] = opened.ids;
      json['opened_kinds'] = opened.kinds;
      json['opened_due'] = opened.due;
      json['opened_remind'] = opened.remind;
    }
  }
  if (row.settleAll) json['settle_all'] = true;
  json['resolution'] = row.resolution;
  if (row.clearPool) json['clear_pool'] = true;
  if (row.outbox.length > 0) {
    json['outbox'] = row.outbox.map((m) => ({ type: m.type, run_at: m.runAt, payload: m.payload }));
  }
  json['event_type'] = row.event.type;
  if (row.event.actorUserId !== null) json['actor'] = row.event.actorUserId;
  json['event_data'] = row.event.data;
  return json;
}

/** The columns of `pick`, a row of the JSON (`v`) with what it leaves out read as empty, false or none. */
export function pickColumns(version: string): string {
  return `v.id, v.status, ${version} AS version, v.to_status, COALESCE(v.patch, '{}') AS patch,
          COALESCE(v.meet, '{}') AS meet, COALESCE(v.cancel_open, false) AS cancel_open,
          COALESCE(v.moved_ids, '{}') AS moved_ids, COALESCE(v.moved_due, '{}') AS moved_due,
          COALESCE(v.moved_remind, '{}') AS moved_remind, COALESCE(v.opened_ids, '{}') AS opened_ids,
          COALESCE(v.opened_kinds, '{}') AS opened_kinds, COALESCE(v.opened_due, '{}') AS opened_due,
          COALESCE(v.opened_remind, '{}') AS opened_remind, COALESCE(v.new_due, v.opened_due, '{}') AS new_due,
          COALESCE(v.settle_all, false) AS settle_all, v.resolution, COALESCE(v.clear_pool, false) AS clear_pool,
          v.outbox, v.event_type, v.actor, v.event_data`;
}
