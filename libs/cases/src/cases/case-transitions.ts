import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseEntity,
  CaseObligationEntity,
  hydrate,
  inTransaction as inTransactionOf,
  PreparedStatements,
  auditRecordsInsert,
  retrying,
  type AuditStamp,
} from '@unblock/database';
import {
  Clock,
  DomainError,
  checkSystemTransition,
  checkTransition,
  type Actor,
  type CaseAction,
  type CaseStatus,
  type Obligation,
} from '@unblock/domain';
import { QUEUE_HORIZON_MS } from '@unblock/queue';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { caseVisibleSql } from '../access';
import { SlaPlanner, type SlaPlan } from '../sla/sla-planner';
import { CaseResponse, toCaseResponse } from './case.response';

/** The columns a transition may change besides status, version and due date. */
export type CasePatch = Partial<
  Pick<
    CaseEntity,
    | 'routingTier'
    | 'assignedBankId'
    | 'claimedByUserId'
    | 'intentionAmount'
    | 'signedAmount'
    | 'declinedOrgIds'
    | 'pausedAt'
    | 'closedAt'
    | 'resolution'
    | 'escalationLevel'
  >
>;

export interface ObligationChanges {
  /** Cancel every open obligation (a decline, a reassignment, a close). */
  readonly cancelOpen?: boolean;
  readonly meet?: readonly Obligation[];
  /** Open these, due after the campaign's SLA durations from now. */
  readonly open?: readonly Obligation[];
  /** Move one open obligation's deadline (a supervisor's extension). */
  readonly move?: { readonly obligation: Obligation; readonly dueAt: Date };
  /** Push every open deadline later by this many milliseconds (the end of a pause). */
  readonly shiftMs?: number;
}

export interface TransitionPlan {
  readonly event: { readonly type: string; readonly data?: Record<string, unknown> };
  readonly set?: CasePatch;
  readonly obligations?: ObligationChanges;
  /** Replace the organizations that may claim the case from the pool. */
  readonly pool?: readonly string[];
  readonly outbox?: readonly { type: string; runAt: Date; payload: Record<string, unknown> }[];
  /** Further writes in the same transaction, after the case is updated. */
  readonly after?: (manager: EntityManager, updated: CaseEntity) => Promise<void>;
}

export interface TransitionContext {
  readonly manager: EntityManager;
  readonly now: Date;
  readonly actor: Actor;
  readonly case: CaseEntity;
  /** The case's open obligations. */
  readonly open: readonly CaseObligationEntity[];
}

/** A case action given an audit stamp writes its audit record in the statement that writes the case. */
export interface Audited {
  /** Given, the transition's audit record is written by the statement that writes the case (status 200). */
  readonly audit?: AuditStamp | undefined;
}

export interface TransitionCommand extends Audited {
  readonly caseId: string;
  readonly action: CaseAction;
  readonly actor: Actor;
  readonly expectedVersion?: number | undefined;
  /** The system acts (the router, the SLA clock): no role check, every case visible. */
  readonly system?: boolean;
}

/** The actor of the system's own transitions. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  organizationId: null,
  regionCode: null,
};

/** A supervisor's action settles every open escalation of the case. */
const SUPERVISOR_ACTIONS: ReadonlySet<CaseAction> = new Set(['reassign', 'extend', 'close']);

interface PlannedObligation {
  readonly entity: CaseObligationEntity;
  state: 'unchanged' | 'met' | 'cancelled' | 'moved' | 'new';
}

/** An open obligation as the load reads it (times in epoch milliseconds). */
interface LoadedObligation {
  readonly id: string;
  readonly obligation: Obligation;
  readonly opened_at: number;
  readonly due_at: number;
  readonly remind_at: number | null;
}

/** A case as a transition reads it: the row, its open obligations, its campaign's SLA plan. */
interface Loaded {
  readonly current: CaseEntity;
  readonly open: CaseObligationEntity[];
  readonly plan: SlaPlan;
}

/** Everything one transition writes, decided before the write. */
interface TransitionWrite {
  readonly command: TransitionCommand;
  readonly current: CaseEntity;
  readonly to: CaseStatus;
  readonly decided: TransitionPlan;
  readonly obligations: readonly PlannedObligation[];
  readonly outbox: readonly { type: string; runAt: Date; payload: Record<string, unknown> }[];
  readonly dueAt: Date | null;
  readonly now: Date;
}

/**
 * The SQL of a case's escalation level (in an UPDATE of `cases`) once the escalations `settles` picks (a
 * condition on `e`) are settled: the highest level of those left open, when any is settled; else as it is.
 */
export function levelAfterSettling(settles: string): string {
  return `CASE
        WHEN EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = cases.id AND e.status <> 'resolved' AND ${settles})
        THEN COALESCE((SELECT max(e.level) FROM escalations e
                        WHERE e.case_id = cases.id AND e.status <> 'resolved' AND NOT (${settles})), 0)
        ELSE escalation_level END`;
}

/** The CTE `settled`: the case's open escalations that `settles` picks, resolved, if the case was updated (`upd`). */
export function settledEscalations(caseId: string, at: string, resolution: string, settles: string): string {
  return `settled AS (UPDATE escalations e
                  SET status = 'resolved', resolved_at = ${at}, updated_at = now(), resolution = ${resolution}
                  WHERE e.case_id = ${caseId} AND e.status <> 'resolved' AND ${settles} AND EXISTS (SELECT 1 FROM upd))`;
}

/**
 * Applies one lifecycle action, per STYLE.md: load → check (transitions table, version) → plan → one
 * conditional UPDATE on status and version → obligations, pool, outbox, one CaseEvent; all atomic. The
 * load is one statement (the case as the actor sees it, with its open obligations) and the writes are
 * one statement too (data-modifying CTEs), unless the plan needs more writes, which then share a
 * transaction. An illegal action or a stale version answers 409 with the current status.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: SlaPlanner,
    private readonly prepared: PreparedStatements,
  ) {}

  apply(
    command: TransitionCommand,
    plan: (context: TransitionContext) => TransitionPlan | Promise<TransitionPlan>,
  ): Promise<CaseResponse> {
    // Read, plan, then write in one statement: the conditional UPDATE's check on status and version makes
    // the reads before it safe outside a transaction. A plan with further writes gets a transaction.
    return retrying(() => this.run(this.dataSource.manager, false, command, plan));
  }

  applyIn(
    manager: EntityManager,
    command: TransitionCommand,
    plan: (context: TransitionContext) => TransitionPlan | Promise<TransitionPlan>,
  ): Promise<CaseResponse> {
    return this.run(manager, true, command, plan);
  }

  /**
   * The obligations a transition opens on `plan` at `now` (their ids chosen here), each due after the plan's
   * duration with its reminder's time, and the deadline and reminder messages that fall due within the queue
   * horizon: what `apply` writes for them, for a statement that writes them itself.
   */
  openings(
    caseId: string,
    obligations: readonly Obligation[],
    plan: SlaPlan,
    now: Date,
  ): {
    obligations: CaseObligationEntity[];
    messages: { type: string; runAt: Date; payload: Record<string, unknown> }[];
  } {
    const planned = obligations.map((o) => ({ entity: this.opened(caseId, o, plan, now), state: 'new' as const }));
    return { obligations: planned.map((p) => p.entity), messages: this.deadlineMessages(caseId, planned, now) };
  }

  private async run(
    manager: EntityManager,
    inTransaction: boolean,
    command: TransitionCommand,
    plan: (context: TransitionContext) => TransitionPlan | Promise<TransitionPlan>,
  ): Promise<CaseResponse> {
    const now = this.clock.now();
    const loaded = (await this.load(manager, [command.caseId], this.viewer(command))).get(command.caseId);
    if (!loaded) throw DomainError.notFound('case');
    const to = this.check(command, loaded.current);
    const { current, open } = loaded;
    const decided = await plan({ manager, now, actor: command.actor, case: current, open });
    const write = this.prepare(command, loaded, to, decided, now);
    const { obligations } = write;

    // An obligation closed and opened again (the same kind), or pool members replaced, would touch one
    // unique key twice in one statement: those rows go in a second statement, in the same transaction.
    const closing = new Set(
      obligations.filter((o) => o.state === 'met' || o.state === 'cancelled').map((o) => o.entity.obligation),
    );
    const reopens = obligations.some((o) => o.state === 'new' && closing.has(o.entity.obligation));
    const refills = decided.pool !== undefined && decided.pool.length > 0;
    const single = !reopens && !refills && decided.after === undefined;
    const finish = async (m: EntityManager): Promise<CaseEntity> => {
      const updated = await this.writeOnce(m, write, !reopens);
      if (reopens) await this.insertObligations(m, current.id, obligations, now);
      if (refills) {
        await m.query(`INSERT INTO case_pool_members (case_id, organization_id) SELECT $1, unnest($2::uuid[])`, [
          current.id,
          decided.pool,
        ]);
      }
      if (decided.after) await decided.after(m, updated);
      return updated;
    };
    const updated = inTransaction || single ? await finish(manager) : await inTransactionOf(this.dataSource, finish, 1);
    return toCaseResponse(updated);
  }

  /**
   * The system's transitions of many cases in the caller's transaction, set-based: the cases and their
   * obligations read in one statement, each planned by `plan` (given every context at once, so it can read
   * what it needs for all of them together), then written in two statements for the whole batch. Answers,
   * in the commands' order, each case as updated or the error its transition met (not found, an illegal
   * action, a stale version) without writing it. Plans that write more (`after`) or settle escalations
   * (a supervisor's action, an obligation met) go one by one through `applyIn`.
   */
  async applyManyIn(
    manager: EntityManager,
    commands: readonly TransitionCommand[],
    plan: (contexts: readonly TransitionContext[]) => Promise<readonly TransitionPlan[]>,
  ): Promise<(CaseEntity | DomainError)[]> {
    if (commands.some((c) => c.system !== true)) throw new Error("a batch of transitions is the system's");
    if (new Set(commands.map((c) => c.caseId)).size !== commands.length) {
      throw new Error('a batch of transitions names each case once');
    }
    const now = this.clock.now();
    const loaded = await this.load(
      manager,
      commands.map((c) => c.caseId),
      SYSTEM_ACTOR,
    );
    const results: (CaseEntity | DomainError)[] = [];
    const accepted: { index: number; command: TransitionCommand; loaded: Loaded; to: CaseStatus }[] = [];
    commands.forEach((command, index) => {
      const found = loaded.get(command.caseId);
      try {
        if (!found) throw DomainError.notFound('case');
        accepted.push({ index, command, loaded: found, to: this.check(command, found.current) });
      } catch (error: unknown) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = error;
      }
    });
    const decided = await plan(
      accepted.map(({ command, loaded: l }) => ({
        manager,
        now,
        actor: command.actor,
        case: l.current,
        open: l.open,
      })),
    );
    const writes: TransitionWrite[] = [];
    for (const [i, a] of accepted.entries()) {
      const d = decided[i];
      if (d === undefined) throw new Error('a batch plan answers one plan per context');
      if (d.after !== undefined || SUPERVISOR_ACTIONS.has(a.command.action) || (d.obligations?.meet?.length ?? 0) > 0) {
        throw new Error(`${a.command.action} does not run in a batch of transitions`);
      }
      writes.push(this.prepare(a.command, a.loaded, a.to, d, now));
    }
    const updated = await this.writeMany(manager, writes, now);
    const missing = writes.filter((w) => !updated.has(w.current.id)).map((w) => w.current.id);
    // Somebody else's transition committed between the read and the write (the caller holds no lock).
    const found =
      missing.length === 0
        ? []
        : await manager.find(CaseEntity, { where: { id: In(missing) }, select: ['id', 'status', 'version'] });
    accepted.forEach((a, i) => {
      const write = writes[i];
      const row = write ? updated.get(write.current.id) : undefined;
      if (row) {
        results[a.index] = row;
        return;
      }
      const now2 = found.find((c) => c.id === a.command.caseId);
      results[a.index] = now2
        ? this.illegal(a.command.action, now2.status, now2.version, 'the case changed a moment ago')
        : DomainError.notFound('case');
    });
    return results;
  }

  /** Whom the command reads the case as: the system sees every case. */
  private viewer(command: TransitionCommand): Actor {
    return command.system === true ? SYSTEM_ACTOR : command.actor;
  }

  /** The lifecycle table's and the expected version's verdict on a command: the status it leads to, or a 403/409. */
  private check(command: TransitionCommand, current: CaseEntity): CaseStatus {
    const check =
      command.system === true
        ? checkSystemTransition(current.status, command.action)
        : checkTransition(current.status, command.action, command.actor.role);
    if (!check.ok) {
      if (check.reason === 'forbidden') {
        throw new DomainError('forbidden', `a ${command.actor.role} may not ${command.action} a case`);
      }
      throw this.illegal(command.action, current.status, current.version);
    }
    if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
      throw DomainError.conflict(
        `the case changed: it is at version ${current.version}, not ${command.expectedVersion}`,
        'expectedVersion',
        { currentStatus: current.status, currentVersion: current.version },
      );
    }
    return check.to;
  }

  /** Everything a decided transition writes: its obligations, outbox messages and next due date. */
  private prepare(
    command: TransitionCommand,
    { current, open, plan }: Loaded,
    to: CaseStatus,
    decided: TransitionPlan,
    now: Date,
  ): TransitionWrite {
    // The campaign's SLA plan was read with the case.
    const obligations = this.planObligations(current, open, decided.obligations, now, plan);
    const live = obligations.filter((o) => o.state !== 'met' && o.state !== 'cancelled');
    const dueAt = live.length === 0 ? null : new Date(Math.min(...live.map((o) => o.entity.dueAt.getTime())));
    const outbox = [
      ...this.deadlineMessages(current.id, obligations, now),
      ...(decided.outbox ?? []).map((m) => ({ ...m, caseId: current.id })),
    ];
    return { command, current, to, decided, obligations, outbox, dueAt, now };
  }

  /**
   * The cases as the actor sees them (those it may not see are left out), each with its open obligations
   * and its campaign's SLA plan, in one hand-written statement: outside a transaction, a prepared one.
   */
  private async load(manager: EntityManager, caseIds: readonly string[], actor: Actor): Promise<Map<string, Loaded>> {
    // One case by equality: planned for a list of unknown length, the statement would look dearer as a
    // generic plan than planned afresh each time, and Postgres would plan it afresh each time.
    const single = caseIds.length === 1;
    const params: unknown[] = [single ? caseIds[0] : caseIds];
    const sql = `SELECT c.*,
        (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'obligation', o.obligation,
            'opened_at', (extract(epoch FROM o.opened_at) * 1000)::float8,
            'due_at', (extract(epoch FROM o.due_at) * 1000)::float8,
            'remind_at', (extract(epoch FROM o.remind_at) * 1000)::float8)), '[]'::json)
           FROM case_obligations o WHERE o.case_id = c.id AND o.met_at IS NULL AND o.cancelled_at IS NULL)
          AS open_obligations${
            // One case's campaign SLA plan by its stamp in the same statement (most transitions open or move
            // a deadline; the plan itself is read only when the stamp is new); many cases' plans are read once
            // per campaign below.
            single ? `, (SELECT stamp FROM (${this.sla.stampQuery('c.campaign_id')}) AS plan) AS sla_stamp` : ''
          }
      FROM cases c
     WHERE ${single ? 'c.id = $1::uuid' : 'c.id = ANY($1::uuid[])'} AND ${caseVisibleSql(actor, params)}`;
    const rows = await this.statement(manager, sql, params);
    const plans = new Map<string, SlaPlan>();
    const stamp = single ? ((rows[0]?.['sla_stamp'] as string | null | undefined) ?? null) : undefined;
    for (const campaignId of new Set(rows.map((row) => String(row['campaign_id'])))) {
      plans.set(
        campaignId,
        stamp === undefined
          ? await this.sla.planFor(manager, campaignId)
          : await this.sla.planByStamp(manager, campaignId, stamp),
      );
    }
    const loaded = new Map<string, Loaded>();
    for (const row of rows) {
      const current = hydrate(this.dataSource, CaseEntity, row);
      const open = (row['open_obligations'] as LoadedObligation[]).map((o) =>
        Object.assign(new CaseObligationEntity(), {
          id: o.id,
          caseId: current.id,
          obligation: o.obligation,
          openedAt: new Date(o.opened_at),
          dueAt: new Date(o.due_at),
          remindAt: o.remind_at === null ? null : new Date(o.remind_at),
          metAt: null,
          cancelledAt: null,
        }),
      );
      const plan = plans.get(current.campaignId);
      if (plan === undefined) throw new Error(`no SLA plan read for campaign ${current.campaignId}`);
      loaded.set(current.id, { current, open, plan });
    }
    return loaded;
  }

  /**
   * One statement: as a prepared statement on the pool when `manager` is the data source's own (no
   * transaction), else on the transaction's connection.
   */
  private statement(
    manager: EntityManager,
    sql: string,
    params: readonly unknown[],
  ): Promise<Record<string, unknown>[]> {
    return manager === this.dataSource.manager
      ? this.prepared.query<Record<string, unknown>>(sql, params)
      : manager.query<Record<string, unknown>[]>(sql, [...params]);
  }

  /**
   * The conditional UPDATE of the case and every write that depends on it, as one statement: obligations
   * met, cancelled, moved and (unless `withNew` is false) opened; pool members removed; outbox messages;
   * escalations settled (and the case's level with them); the event. Nothing is written unless the UPDATE
   * matched the status and version that were read; then a 409 tells the status found.
   */
  private async writeOnce(manager: EntityManager, w: TransitionWrite, withNew: boolean): Promise<CaseEntity> {
    const params: unknown[] = [];
    const $ = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const metadata = this.dataSource.getMetadata(CaseEntity);
    const driver = this.dataSource.driver;
    const id = $(w.current.id);
    const sets = [`status = ${$(w.to)}`, `due_at = ${$(w.dueAt)}`, 'version = version + 1', 'updated_at = now()'];
    // The statement answers the columns it writes; the others are as they were read.
    const written = ['id', 'status', 'due_at', 'version', 'updated_at', 'escalation_level'];
    for (const [property, value] of Object.entries(w.decided.set ?? {})) {
      if (value === undefined) continue;
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`no column for ${property}`);
      sets.push(`${column.databaseName} = ${$(driver.preparePersistentValue(value, column))}`);
      written.push(column.databaseName);
    }
    const met = [...new Set(w.obligations.filter((o) => o.state === 'met').map((o) => o.entity.obligation))];
    const supervisor = SUPERVISOR_ACTIONS.has(w.command.action);
    // Meeting an obligation settles the escalations of its kind; a supervisor's action settles all.
    const settles = supervisor ? 'true' : met.length > 0 ? `e.obligation = ANY(${$(met)}::text[])` : null;
    if (settles !== null) {
      // The level of the escalations left open, when any is settled; else the level stays as it is.
      sets.push(`escalation_level = ${levelAfterSettling(settles)}`);
    }
    const ctes = [
      `upd AS (UPDATE cases SET ${sets.join(', ')}
                WHERE id = ${id} AND version = ${$(w.current.version)} AND status = ${$(w.current.status)}
                RETURNING ${[...new Set(written)].join(', ')})`,
    ];
    const idsIn = (state: PlannedObligation['state']): string[] =>
      w.obligations.filter((o) => o.state === state).map((o) => o.entity.id);
    const at = `${$(w.now)}::timestamptz`;
    if (idsIn('met').length > 0) {
      ctes.push(`met AS (UPDATE case_obligations SET met_at = ${at}, updated_at = now()
                  WHERE id = ANY(${$(idsIn('met'))}::uuid[]) AND EXISTS (SELECT 1 FROM upd))`);
    }
    if (idsIn('cancelled').length > 0) {
      ctes.push(`cancelled AS (UPDATE case_obligations SET cancelled_at = ${at}, updated_at = now()
                  WHERE id = ANY(${$(idsIn('cancelled'))}::uuid[]) AND EXISTS (SELECT 1 FROM upd))`);
    }
    const moved = w.obligations.filter((o) => o.state === 'moved');
    if (moved.length > 0) {
      ctes.push(`moved AS (UPDATE case_obligations o SET due_at = m.due_at, remind_at = m.remind_at, updated_at = now()
                  FROM unnest(${$(moved.map((o) => o.entity.id))}::uuid[],
                              ${$(moved.map((o) => o.entity.dueAt.toISOString()))}::timestamptz[],
                              ${$(moved.map((o) => o.entity.remindAt?.toISOString() ?? null))}::timestamptz[])
                       AS m(id, due_at, remind_at)
                  WHERE o.id = m.id AND EXISTS (SELECT 1 FROM upd))`);
    }
    const fresh = w.obligations.filter((o) => o.state === 'new');
    if (withNew && fresh.length > 0) {
      ctes.push(`fresh AS (INSERT INTO case_obligations (id, case_id, obligation, opened_at, due_at, remind_at)
                  SELECT f.id, upd.id, f.obligation, ${at}, f.due_at, f.remind_at
                    FROM upd, unnest(${$(fresh.map((o) => o.entity.id))}::uuid[],
                                     ${$(fresh.map((o) => o.entity.obligation))}::text[],
                                     ${$(fresh.map((o) => o.entity.dueAt.toISOString()))}::timestamptz[],
                                     ${$(fresh.map((o) => o.entity.remindAt?.toISOString() ?? null))}::timestamptz[])
                         AS f(id, obligation, due_at, remind_at))`);
    }
    if (w.decided.pool !== undefined) {
      ctes.push(`pool AS (DELETE FROM case_pool_members WHERE case_id = ${id} AND EXISTS (SELECT 1 FROM upd))`);
    }
    if (w.outbox.length > 0) {
      const messages = w.outbox.map((m) => ({ type: m.type, run_at: m.runAt.toISOString(), payload: m.payload }));
      ctes.push(`outbox AS (INSERT INTO outbox (type, case_id, run_at, payload)
                  SELECT m.type, upd.id, m.run_at, m.payload
                    FROM upd, jsonb_to_recordset(${$(JSON.stringify(messages))}::jsonb)
                         AS m(type text, run_at timestamptz, payload jsonb))`);
    }
    if (settles !== null) {
      ctes.push(settledEscalations(id, at, $(supervisor ? w.command.action : 'obligation_met'), settles));
    }
    const data = { from: w.current.status, to: w.to, ...w.decided.event.data };
    // The system's transitions are nobody's.
    const actorId = w.command.system === true ? null : w.command.actor.userId;
    ctes.push(`event AS (INSERT INTO case_events (case_id, type, actor_user_id, at, data)
                SELECT upd.id, ${$(w.decided.event.type)}::text, ${$(actorId)}::uuid, ${at},
                       ${$(JSON.stringify(data))}::jsonb FROM upd)`);
    if (w.command.audit !== undefined) ctes.push(`audited AS (${auditRecordsInsert(w.command.audit, 'upd', 200, $)})`);
    const rows = await this.statement(manager, `WITH ${ctes.join(',\n')} SELECT * FROM upd`, params);
    const row = rows[0];
    if (row === undefined) {
      // Somebody else's transition committed between our read and our write (e.g. a claim race lost).
      const now2 = await manager.findOneByOrFail(CaseEntity, { id: w.current.id });
      throw this.illegal(w.command.action, now2.status, now2.version, 'the case changed a moment ago');
    }
    return hydrate(this.dataSource, CaseEntity, row, w.current);
  }

  /**
   * The writes of many transitions, set-based: one statement makes the conditional UPDATE of every case
   * (status, due date, version and each plan's columns, by `jsonb_populate_record` over the row) and, for
   * the cases it updated, their obligations met, cancelled or moved, pools emptied, outbox messages and
   * events; a second one inserts the new obligations and pool members (a claim cancelled and opened again
   * would touch one unique key twice in one statement). Answers the updated cases by id.
   */
  private async writeMany(
    manager: EntityManager,
    writes: readonly TransitionWrite[],
    now: Date,
  ): Promise<Map<string, CaseEntity>> {
    if (writes.length === 0) return new Map();
    const metadata = this.dataSource.getMetadata(CaseEntity);
    const driver = this.dataSource.driver;
    const columns = new Set(['status', 'due_at']);
    const cases = writes.map((w) => {
      const patch: Record<string, unknown> = { status: w.to, due_at: w.dueAt };
      for (const [property, value] of Object.entries(w.decided.set ?? {})) {
        if (value === undefined) continue;
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`no column for ${property}`);
        patch[column.databaseName] = driver.preparePersistentValue(value, column);
        columns.add(column.databaseName);
      }
      return { id: w.current.id, version: w.current.version, from_status: w.current.status, patch };
    });
    const changed = writes.flatMap((w) =>
      w.obligations
        .filter((o) => o.state === 'met' || o.state === 'cancelled' || o.state === 'moved')
        .map((o) => ({
          id: o.entity.id,
          case_id: w.current.id,
          state: o.state,
          due_at: o.entity.dueAt,
          remind_at: o.entity.remindAt,
        })),
    );
    const outbox = writes.flatMap((w) =>
      w.outbox.map((m) => ({ case_id: w.current.id, type: m.type, run_at: m.runAt, payload: m.payload })),
    );
    const events = writes.map((w) => ({
      case_id: w.current.id,
      type: w.decided.event.type,
      data: { from: w.current.status, to: w.to, ...w.decided.event.data },
    }));
    const list = [...columns];
    const rows = await manager.query<Record<string, unknown>[]>(
      `WITH v AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, version int, from_status text, patch jsonb))
       , upd AS (UPDATE cases c SET (${list.join(', ')}) = (SELECT ${list.map((n) => `p.${n}`).join(', ')}
                                         FROM jsonb_populate_record(c, v.patch) AS p),
                        version = c.version + 1, updated_at = now()
                  FROM v WHERE c.id = v.id AND c.version = v.version AND c.status = v.from_status
                  RETURNING c.*)
       , changed AS (UPDATE case_obligations o
                        SET met_at = CASE WHEN x.state = 'met' THEN $5::timestamptz ELSE o.met_at END,
                            cancelled_at = CASE WHEN x.state = 'cancelled' THEN $5::timestamptz ELSE o.cancelled_at END,
                            due_at = CASE WHEN x.state = 'moved' THEN x.due_at ELSE o.due_at END,
                            remind_at = CASE WHEN x.state = 'moved' THEN x.remind_at ELSE o.remind_at END,
                            updated_at = now()
                       FROM jsonb_to_recordset($2::jsonb)
                            AS x(id uuid, case_id uuid, state text, due_at timestamptz, remind_at timestamptz)
                      WHERE o.id = x.id AND x.case_id IN (SELECT id FROM upd))
       , pool AS (DELETE FROM case_pool_members p
                   WHERE p.case_id = ANY($3::uuid[]) AND p.case_id IN (SELECT id FROM upd))
       , outbox AS (INSERT INTO outbox (type, case_id, run_at, payload)
                    SELECT m.type, m.case_id, m.run_at, m.payload
                      FROM jsonb_to_recordset($4::jsonb) AS m(case_id uuid, type text, run_at timestamptz, payload jsonb)
                     WHERE m.case_id IN (SELECT id FROM upd))
       , event AS (INSERT INTO case_events (case_id, type, actor_user_id, at, data)
                   SELECT e.case_id, e.type, NULL, $5::timestamptz, e.data
                     FROM jsonb_to_recordset($6::jsonb) AS e(case_id uuid, type text, data jsonb)
                    WHERE e.case_id IN (SELECT id FROM upd))
       SELECT * FROM upd`,
      [
        JSON.stringify(cases),
        JSON.stringify(changed),
        writes.filter((w) => w.decided.pool !== undefined).map((w) => w.current.id),
        JSON.stringify(outbox),
        now,
        JSON.stringify(events),
      ],
    );
    const updated = new Map(rows.map((row) => [String(row['id']), hydrate(this.dataSource, CaseEntity, row)]));
    const fresh = writes
      .filter((w) => updated.has(w.current.id))
      .flatMap((w) =>
        w.obligations
          .filter((o) => o.state === 'new')
          .map((o) => ({
            id: o.entity.id,
            case_id: w.current.id,
            obligation: o.entity.obligation,
            due_at: o.entity.dueAt,
            remind_at: o.entity.remindAt,
          })),
      );
    const members = writes
      .filter((w) => updated.has(w.current.id))
      .flatMap((w) =>
        (w.decided.pool ?? []).map((organization) => ({ case_id: w.current.id, organization_id: organization })),
      );
    if (fresh.length > 0 || members.length > 0) {
      await manager.query(
        `WITH fresh AS (INSERT INTO case_obligations (id, case_id, obligation, opened_at, due_at, remind_at)
                        SELECT f.id, f.case_id, f.obligation, $3::timestamptz, f.due_at, f.remind_at
                          FROM jsonb_to_recordset($1::jsonb)
                               AS f(id uuid, case_id uuid, obligation text, due_at timestamptz, remind_at timestamptz))
         INSERT INTO case_pool_members (case_id, organization_id)
         SELECT p.case_id, p.organization_id FROM jsonb_to_recordset($2::jsonb) AS p(case_id uuid, organization_id uuid)`,
        [JSON.stringify(fresh), JSON.stringify(members), now],
      );
    }
    return updated;
  }

  private async insertObligations(
    manager: EntityManager,
    caseId: string,
    planned: readonly PlannedObligation[],
    now: Date,
  ): Promise<void> {
    const fresh = planned.filter((p) => p.state === 'new');
    if (fresh.length === 0) return;
    await manager.query(
      `INSERT INTO case_obligations (id, case_id, obligation, opened_at, due_at, remind_at)
       SELECT f.id, $1::uuid, f.obligation, $2::timestamptz, f.due_at, f.remind_at
         FROM unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS f(id, obligation, due_at, remind_at)`,
      [
        caseId,
        now,
        fresh.map((o) => o.entity.id),
        fresh.map((o) => o.entity.obligation),
        fresh.map((o) => o.entity.dueAt.toISOString()),
        fresh.map((o) => o.entity.remindAt?.toISOString() ?? null),
      ],
    );
  }

  /**
   * The deadline and reminder messages of each obligation opened or moved that fall due within the queue
   * horizon. Those due later are the sweeper's: it puts them on the queue as the horizon reaches them.
   */
  private deadlineMessages(
    caseId: string,
    obligations: readonly PlannedObligation[],
    now: Date,
  ): { type: string; caseId: string; runAt: Date; payload: Record<string, unknown> }[] {
    const horizon = now.getTime() + QUEUE_HORIZON_MS;
    return obligations
      .filter((o) => o.state === 'new' || o.state === 'moved')
      .flatMap((o) => {
        const payload = {
          obligationId: o.entity.id,
          obligation: o.entity.obligation,
          dueAt: o.entity.dueAt.toISOString(),
        };
        const messages = [{ type: 'sla.deadline', caseId, runAt: o.entity.dueAt, payload }];
        const { remindAt } = o.entity;
        if (remindAt !== null) messages.push({ type: 'sla.reminder', caseId, runAt: remindAt, payload });
        return messages.filter((m) => m.runAt.getTime() <= horizon);
      });
  }

  private illegal(action: CaseAction, status: CaseStatus, version: number, why?: string): DomainError {
    return DomainError.conflict(`${why ? `${why}: ` : ''}cannot ${action} a case that is ${status}`, undefined, {
      currentStatus: status,
      currentVersion: version,
    });
  }

  /**
   * The obligations after the changes: each open one unchanged, met, cancelled or moved, and the new ones;
   * a new or moved one gets its deadline and its reminder's time (none when that is already past) by the plan.
   */
  private planObligations(
    current: CaseEntity,
    open: readonly CaseObligationEntity[],
    changes: ObligationChanges | undefined,
    now: Date,
    plan: SlaPlan,
  ): PlannedObligation[] {
    const planned: PlannedObligation[] = open.map((entity) => ({ entity, state: 'unchanged' }));
    if (!changes) return planned;
    const move = (p: PlannedObligation, dueAt: Date): void => {
      p.entity.dueAt = dueAt;
      p.entity.remindAt = this.remindAt(plan, dueAt, now);
      p.state = 'moved';
    };
    for (const p of planned) {
      if (changes.cancelOpen === true) p.state = 'cancelled';
      else if (changes.meet?.includes(p.entity.obligation)) p.state = 'met';
      else if (changes.move?.obligation === p.entity.obligation) move(p, changes.move.dueAt);
      else if (changes.shiftMs !== undefined && changes.shiftMs > 0) {
        move(p, new Date(p.entity.dueAt.getTime() + changes.shiftMs));
      }
    }
    for (const obligation of changes.open ?? []) {
      planned.push({ entity: this.opened(current.id, obligation, plan, now), state: 'new' });
    }
    return planned;
  }

  /** A new obligation, due after the plan's duration from now, with its reminder's time by the plan. */
  private opened(caseId: string, obligation: Obligation, plan: SlaPlan, now: Date): CaseObligationEntity {
    const dueAt = this.sla.dueAt(plan, obligation, now);
    return Object.assign(new CaseObligationEntity(), {
      // The id is chosen here: the outbox messages name it, in the same statement that inserts it.
      id: randomUUID(),
      caseId,
      obligation,
      openedAt: now,
      dueAt,
      remindAt: this.remindAt(plan, dueAt, now),
      metAt: null,
      cancelledAt: null,
    });
  }

  /** When to remind the holder of a deadline: by the plan, or never when that time is already past. */
  private remindAt(plan: SlaPlan, dueAt: Date, now: Date): Date | null {
    const at = this.sla.remindAt(plan, dueAt);
    return at > now ? at : null;
  }
}
