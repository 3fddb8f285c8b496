import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PreparedStatements, VisitEntity, auditRecordsInsert, hydrate, type AuditStamp } from '@unblock/database';
import {
  Clock,
  DomainError,
  WEEKENDS_ONLY,
  canReadRegion,
  isWithinRegion,
  localDate,
  type Actor,
  type VisitKind,
} from '@unblock/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { KeptReads } from './kept-reads';
import { RecordedVisitResponse, toVisitResponse, type VisitWarning } from './visit.response';

export interface RecordVisitCommand {
  readonly actor: Actor;
  readonly campaignId: string;
  readonly enterpriseId: string;
  readonly visitedOn: string;
  readonly kind: VisitKind;
  readonly summary?: string | undefined;
  readonly clientRef?: string | undefined;
  /** Given, a new visit's audit record is written by the statement that writes the visit. */
  readonly audit?: AuditStamp | undefined;
}

export interface RecordVisitResult {
  readonly visit: RecordedVisitResponse;
  /** True when `clientRef` matched an earlier visit of the same visitor, which is answered unchanged. */
  readonly replayed: boolean;
  /** True when the visit's audit record (`audit`) was written with it; never for a replayed visit. */
  readonly audited: boolean;
}

const RECENT_DAYS = 14;

type InsertedRow = Record<string, unknown> & { id: string | null; recent: boolean; scope_ok: boolean };

interface ScopeRow {
  enterprise_id: string | null;
  enterprise_region: string | null;
  campaign_id: string | null;
  campaign_region: string | null;
  campaign_kind: string | null;
  starts_on: string | null;
  ends_on: string | null;
}

type CheckedScope = { [K in keyof ScopeRow]: string };

/**
 * A field officer (or, in a GM-visits campaign, a bank manager) records a visit. `clientRef` makes a retry
 * safe: the same visitor's same reference answers the first visit and writes nothing.
 */
@Injectable()
export class RecordVisitUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly prepared: PreparedStatements,
  ) {}

  /** Enterprises' and campaigns' scope as last read: the INSERT re-checks it, so a stale one writes nothing. */
  private readonly scopes = new KeptReads<CheckedScope>(60_000, 20_000);

  /**
   * One statement when the enterprise's and campaign's scope is kept: the INSERT (… ON CONFLICT DO NOTHING),
   * made only while that scope is unchanged, answering the new row and whether the enterprise was visited
   * recently. Otherwise one read of the scope first. None in an explicit transaction: a single statement is
   * atomic by itself. A `clientRef` first looks for the earlier visit.
   */
  async execute(command: RecordVisitCommand): Promise<RecordVisitResult> {
    const manager = this.dataSource.manager;
    if (command.clientRef !== undefined) {
      const earlier = await this.byClientRef(manager, command.actor.userId, command.clientRef);
      if (earlier) return { visit: await this.withWarnings(manager, earlier), replayed: true, audited: false };
    }
    const key = `${command.enterpriseId}/${command.campaignId}`;
    // A kept scope is used only when it passes the checks and is still current at the INSERT; anything
    // else (a check failing, the INSERT finding it changed) is decided again on a fresh read.
    const kept = this.scopes.kept(key);
    if (kept !== undefined && this.passes(command, kept)) {
      const first = (await this.insert(command, kept))[0];
      if (first?.scope_ok === true) return this.answer(manager, command, first);
    }
    this.scopes.forget(key);
    const scope = await this.readScope(command.enterpriseId, command.campaignId);
    this.check(command, scope);
    const first = (await this.insert(command, scope))[0];
    if (first?.scope_ok !== true) {
      throw DomainError.conflict('the enterprise or the campaign changed while the visit was recorded; send it again');
    }
    this.scopes.keep(key, scope);
    return this.answer(manager, command, first);
  }

  private passes(command: RecordVisitCommand, scope: CheckedScope): boolean {
    try {
      this.check(command, scope);
      return true;
    } catch {
      return false;
    }
  }

  private async readScope(enterpriseId: string, campaignId: string): Promise<ScopeRow | undefined> {
    const found = await this.prepared.query<ScopeRow>(
      `SELECT e.id AS enterprise_id, e.region_code AS enterprise_region, c.id AS campaign_id,
              c.region_code AS campaign_region, c.kind AS campaign_kind,
              c.starts_on::text AS starts_on, c.ends_on::text AS ends_on
         FROM (SELECT 1) AS one
         LEFT JOIN enterprises e ON e.id = $1
         LEFT JOIN campaigns c ON c.id = $2`,
      [enterpriseId, campaignId],
    );
    return found[0];
  }

  /** The checks a visit passes, against the enterprise and the campaign as read (or as kept). */
  private check(command: RecordVisitCommand, scope: ScopeRow | undefined): asserts scope is CheckedScope {
    const enterpriseRegion = scope?.enterprise_region ?? null;
    if (!scope?.enterprise_id || enterpriseRegion === null || !canReadRegion(command.actor, enterpriseRegion)) {
      throw DomainError.invalid('enterpriseId', 'no enterprise in your region has this id');
    }
    const campaignRegion = scope.campaign_region;
    if (
      !scope.campaign_id ||
      campaignRegion === null ||
      !(isWithinRegion(enterpriseRegion, campaignRegion) || isWithinRegion(campaignRegion, enterpriseRegion))
    ) {
      throw DomainError.invalid('campaignId', 'no campaign covering this enterprise has this id');
    }
    if (command.actor.role === 'bank_manager' && scope.campaign_kind !== 'gm_visits') {
      throw new DomainError('forbidden', 'a bank manager records visits of a gm_visits campaign only');
    }
    const startsOn = scope.starts_on ?? '';
    const endsOn = scope.ends_on ?? '';
    if (command.visitedOn < startsOn || command.visitedOn > endsOn) {
      throw DomainError.invalid('visitedOn', `must fall within the campaign (${startsOn} to ${endsOn})`);
    }
    if (command.visitedOn > localDate(this.clock.now(), WEEKENDS_ONLY)) {
      throw DomainError.invalid('visitedOn', 'must not be in the future');
    }
  }

  /**
   * One statement: the INSERT, made only while the enterprise and the campaign are still as checked
   * (`scope_ok`), answering the new row and whether the enterprise was visited recently. With a `clientRef`,
   * ON CONFLICT DO NOTHING (a concurrent retry); without one nothing can conflict (a null reference is
   * unique), and a plain INSERT skips the speculative insertion that ON CONFLICT costs.
   */
  private insert(command: RecordVisitCommand, scope: CheckedScope): Promise<InsertedRow[]> {
    const params: unknown[] = [
      scope.campaign_id,
      scope.enterprise_id,
      scope.enterprise_region,
      command.visitedOn,
      command.kind,
      command.actor.userId,
      command.actor.organizationId,
      command.summary ?? '',
      command.clientRef ?? null,
      scope.campaign_region,
      scope.campaign_kind,
      scope.starts_on,
      scope.ends_on,
    ];
    // The new visit's audit record, in the same statement (nothing when no visit is made).
    const audited =
      command.audit === undefined
        ? ''
        : `, audited AS (${auditRecordsInsert(command.audit, 'made', 201, (value) => `$${params.push(value)}`)})`;
    return this.prepared.query<InsertedRow>(
      `WITH still AS (
         SELECT EXISTS (SELECT 1 FROM enterprises WHERE id = $2 AND region_code = $3)
            AND EXISTS (SELECT 1 FROM campaigns WHERE id = $1 AND region_code = $10 AND kind = $11
                           AND starts_on = CAST($12 AS date) AND ends_on = CAST($13 AS date)) AS ok)
       , made AS (
         INSERT INTO visits (campaign_id, enterprise_id, region_code, visited_on, kind, visitor_user_id,
                             visitor_organization_id, summary, client_ref)
         SELECT $1, $2, $3, CAST($4 AS date), $5, $6, $7, $8, $9 FROM still WHERE still.ok
         ${command.clientRef === undefined ? '' : 'ON CONFLICT DO NOTHING'}
         RETURNING *, EXISTS (
           SELECT 1 FROM visits v
            WHERE v.enterprise_id = $2 AND v.id <> visits.id
              AND v.visited_on BETWEEN (CAST($4 AS date) - ${RECENT_DAYS}) AND CAST($4 AS date)) AS recent)
       ${audited}
       SELECT made.*, still.ok AS scope_ok FROM still LEFT JOIN made ON true`,
      params,
    );
  }

  private async answer(
    manager: EntityManager,
    command: RecordVisitCommand,
    row: InsertedRow | undefined,
  ): Promise<RecordVisitResult> {
    if (row?.id === null || row === undefined) {
      // A concurrent retry with the same clientRef committed first.
      const earlier = await this.byClientRef(manager, command.actor.userId, command.clientRef ?? '');
      if (!earlier) throw DomainError.conflict('a concurrent visit with this clientRef is being recorded', 'clientRef');
      return { visit: await this.withWarnings(manager, earlier), replayed: true, audited: false };
    }
    const visit = hydrate(this.dataSource, VisitEntity, row);
    const warnings: VisitWarning[] = row.recent ? ['recent_visit'] : [];
    return { visit: { ...toVisitResponse(visit), warnings }, replayed: false, audited: command.audit !== undefined };
  }

  private byClientRef(manager: EntityManager, visitorUserId: string, clientRef: string): Promise<VisitEntity | null> {
    return manager.findOneBy(VisitEntity, { visitorUserId, clientRef });
  }

  private async withWarnings(manager: EntityManager, visit: VisitEntity): Promise<RecordedVisitResponse> {
    const recent = await manager
      .getRepository(VisitEntity)
      .createQueryBuilder('v')
      .where('v.enterpriseId = :enterpriseId AND v.id <> :id', { enterpriseId: visit.enterpriseId, id: visit.id })
      .andWhere(`v.visitedOn BETWEEN (CAST(:on AS date) - ${RECENT_DAYS}) AND CAST(:on AS date)`, {
        on: visit.visitedOn,
      })
      .getExists();
    const warnings: VisitWarning[] = recent ? ['recent_visit'] : [];
    return { ...toVisitResponse(visit), warnings };
  }
}
