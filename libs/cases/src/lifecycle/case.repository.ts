import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseEntity,
  CaseObligationEntity,
  DUE_ESCALATION_INPUT,
  ESCALATION_INPUT_COLUMNS,
  PreparedStatements,
  RAISE_ESCALATED_CASES,
  caseLoadStatement,
  caseVisibleSql,
  caseWriteLaterStatement,
  caseWriteStatement,
  hydrate,
  insertCaseEventsFrom,
  openEscalationsSql,
  type AuditStamp,
  type CaseWriteRow,
  type Statement,
} from '@unblock/database';
import type { Actor, EscalationLevel, Obligation } from '@unblock/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { SlaPlans } from '../sla-plans/sla-plans.service';
import type { PlannedWrite } from './transition-planner';
import type { CaseState, LoadedCase } from './transition.types';

/** An open obligation as the load reads it (times in epoch milliseconds). */
interface LoadedObligation {
  readonly id: string;
  readonly obligation: Obligation;
  readonly opened_at: number;
  readonly due_at: number;
  readonly remind_at: number | null;
}

/** An overdue obligation of a case, to escalate. */
export interface EscalationInput {
  readonly case: CaseEntity;
  readonly obligation: CaseObligationEntity;
}

/** A new case, as a diagnosis makes it (every column the lifecycle owns at its defaults). */
export type NewCase = Pick<
  CaseEntity,
  | 'number'
  | 'enterpriseId'
  | 'campaignId'
  | 'source'
  | 'originVisitId'
  | 'intakeKey'
  | 'regionCode'
  | 'chainId'
  | 'requestedAmount'
  | 'purpose'
  | 'term'
  | 'bottlenecks'
  | 'priority'
> &
  Partial<Pick<CaseEntity, 'kind' | 'renewalOfContractId' | 'requestedRenewal' | 'renewalDueBy'>>;

/**
 * The one writer of cases, their obligations, pool members, timeline events and the transitions' outbox
 * messages; it also reads a case as a transition needs it. Statements run as prepared statements when
 * `manager` is the data source's own (no transaction), else on the transaction's connection.
 */
@Injectable()
export class CaseRepository {
  private readonly columns = new Map<string, ColumnMetadata>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prepared: PreparedStatements,
    private readonly plans: SlaPlans,
  ) {}

  /**
   * The cases as `viewer` sees them (the others are left out), each with its open obligations and its
   * campaign's SLA plan: one case's plan by the stamp read with it, many cases' plans once per campaign.
   */
  async load(manager: EntityManager, caseIds: readonly string[], viewer: Actor): Promise<Map<string, LoadedCase>> {
    const rows = await this.run(
      manager,
      caseLoadStatement(caseIds, (alias, param) => caseVisibleSql(viewer, alias, param)),
    );
    const single = caseIds.length === 1;
    const plans = new Map<string, Awaited<ReturnType<SlaPlans['planFor']>>>();
    for (const campaignId of new Set(rows.map((row) => String(row['campaign_id'])))) {
      const stamp = (rows[0]?.['sla_stamp'] as string | null | undefined) ?? null;
      plans.set(
        campaignId,
        single
          ? await this.plans.planByStamp(manager, campaignId, stamp)
          : await this.plans.planFor(manager, campaignId),
      );
    }
    const loaded = new Map<string, LoadedCase>();
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

  /** Whether writing these takes a second statement (obligations opened again, pool members), so a transaction. */
  takesTwoStatements(writes: readonly PlannedWrite[]): boolean {
    return writes.some((w) => w.openLater || w.poolMembers.length > 0);
  }

  /**
   * Writes planned transitions of cases as read (`caseWriteStatement`), then what goes in a second
   * statement. Answers the updated cases by id: a case whose status or version changed since it was read
   * is left out, and nothing of it is written.
   */
  async write(
    manager: EntityManager,
    writes: readonly PlannedWrite[],
    at: Date,
    audit?: AuditStamp,
  ): Promise<Map<string, CaseEntity>> {
    if (writes.length === 0) return new Map();
    const rows = writes.map((w) => this.row(w));
    const updated = this.entities(await this.run(manager, caseWriteStatement(rows, { at, audit })));
    const later = caseWriteLaterStatement(rows, new Set(updated.keys()), at);
    if (later !== null) await this.run(manager, later);
    return updated;
  }

  /**
   * Writes an action on a case not read before, in one statement: the case as `viewer` may see it, the
   * write (of `writes`, one per premise) whose premise holds. Null, having written nothing, when none
   * holds: the case is out of sight, in another status or version, or on a plan not offered.
   */
  async writeUnread(
    writes: readonly PlannedWrite[],
    viewer: Actor,
    at: Date,
    audit?: AuditStamp,
  ): Promise<CaseEntity | null> {
    const statement = caseWriteStatement(
      writes.map((w) => this.row(w)),
      { at, audit, visibleSql: (alias, param) => caseVisibleSql(viewer, alias, param) },
    );
    const [row] = await this.run(this.dataSource.manager, statement);
    return row === undefined ? null : hydrate(this.dataSource, CaseEntity, row);
  }

  /** The status and version of cases now, for the answer to a transition that lost a race. */
  async states(manager: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseState>> {
    const found = await manager.find(CaseEntity, {
      where: { id: In([...caseIds]) },
      select: ['id', 'status', 'version'],
    });
    return new Map(found.map((c) => [c.id, { status: c.status, version: c.version }]));
  }

  /** A new case, `diagnosed`, with its first timeline event; answers its id. */
  async insert(
    manager: EntityManager,
    values: NewCase,
    event: { readonly actorUserId: string | null; readonly at: Date; readonly data: object },
  ): Promise<string> {
    const inserted = await manager.insert(CaseEntity, {
      ...values,
      status: 'diagnosed',
      routingTier: null,
      assignedBankId: null,
      claimedByUserId: null,
      dueAt: null,
      intentionAmount: null,
      signedAmount: '0',
      escalationLevel: 0,
      declinedOrgIds: [],
      pausedAt: null,
      closedAt: null,
      resolution: null,
      version: 1,
    });
    const caseId = String(inserted.identifiers[0]?.['id']);
    await manager.query(
      insertCaseEventsFrom(`(SELECT $1::uuid AS case_id, 'diagnosed'::text AS type, $2::uuid AS actor_user_id,
                                     $3::timestamptz AS at, $4::jsonb AS data) AS rows`),
      [caseId, event.actorUserId, event.at, JSON.stringify(event.data)],
    );
    return caseId;
  }

  /**
   * Opens the escalations of overdue obligations at a level, once each (a second call finds them there),
   * with the timeline events; raises the cases' level, but those in `raisedByCaller` (the caller raises it
   * in its own write of the case). `followUp: 'later'` leaves them waiting for their follow-up. Answers the
   * obligations whose escalation is new.
   */
  async openEscalations(
    manager: EntityManager,
    overdue: readonly EscalationInput[],
    level: EscalationLevel,
    now: Date,
    {
      raisedByCaller = new Set<string>(),
      followUp = 'now',
    }: { raisedByCaller?: ReadonlySet<string>; followUp?: 'now' | 'later' } = {},
  ): Promise<Set<string>> {
    const input = [...new Map(overdue.map((o) => [o.obligation.id, o])).values()].map(({ case: c, obligation }) => ({
      case_id: c.id,
      obligation_id: obligation.id,
      obligation: obligation.obligation,
      due_at: obligation.dueAt,
      bank_id: c.assignedBankId,
      chain_id: c.chainId,
      region_code: c.regionCode,
      raise: !raisedByCaller.has(c.id),
    }));
    if (input.length === 0) return new Set();
    return this.escalate(manager, `SELECT * FROM jsonb_to_recordset($4::jsonb) AS i(${ESCALATION_INPUT_COLUMNS})`, [
      level,
      now,
      followUp === 'later',
      JSON.stringify(input),
    ]);
  }

  /**
   * The level-1 escalations of obligations found due (`obligationIds`), waiting for their follow-up: each
   * still open on a running case, locked here after its case (which the caller locked). Answers those opened.
   */
  openDueEscalations(manager: EntityManager, obligationIds: readonly string[], now: Date): Promise<Set<string>> {
    return this.escalate(manager, DUE_ESCALATION_INPUT, [1, now, true, [...obligationIds]]);
  }

  /** Cases among `caseIds` that do not move on (`moving`) and have an escalation open take at least level 1. */
  async raiseEscalatedCases(
    manager: EntityManager,
    caseIds: readonly string[],
    moving: ReadonlySet<string>,
  ): Promise<void> {
    await manager.query(RAISE_ESCALATED_CASES, [[...caseIds], [...moving]]);
  }

  private async escalate(manager: EntityManager, input: string, params: readonly unknown[]): Promise<Set<string>> {
    const rows = await manager.query<{ obligation_id: string }[]>(openEscalationsSql(input), [...params]);
    return new Set(rows.map((r) => r.obligation_id));
  }

  /** The statement's row of a planned write: the plan's columns by their database names, as persisted. */
  private row(write: PlannedWrite): CaseWriteRow {
    const patch: Record<string, unknown> = {};
    for (const [property, value] of Object.entries(write.set)) {
      if (value === undefined) continue;
      const column = this.column(property);
      patch[column.databaseName] = this.dataSource.driver.preparePersistentValue(value, column);
    }
    return {
      caseId: write.caseId,
      status: write.status,
      version: write.version,
      premise: write.premise,
      to: write.to,
      patch,
      meet: write.meet,
      meetIds: write.meetIds,
      cancelOpen: write.cancelOpen,
      moved: write.moved,
      opened: write.opened,
      openLater: write.openLater,
      settleAll: write.settleAll,
      resolution: write.resolution,
      clearPool: write.clearPool,
      poolMembers: write.poolMembers,
      outbox: write.outbox,
      event: write.event,
    };
  }

  /** A column of `cases` by its property name. */
  private column(property: string): ColumnMetadata {
    let column = this.columns.get(property);
    if (column === undefined) {
      column = this.dataSource.getMetadata(CaseEntity).findColumnWithPropertyName(property);
      if (!column) throw new Error(`no column for ${property}`);
      this.columns.set(property, column);
    }
    return column;
  }

  private entities(rows: readonly Record<string, unknown>[]): Map<string, CaseEntity> {
    return new Map(rows.map((row) => [String(row['id']), hydrate(this.dataSource, CaseEntity, row)]));
  }

  private run(manager: EntityManager, { text, values }: Statement): Promise<Record<string, unknown>[]> {
    return manager === this.dataSource.manager
      ? this.prepared.query<Record<string, unknown>>(text, values)
      : manager.query<Record<string, unknown>[]>(text, [...values]);
  }
}
