import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PreparedStatements,
  RECENT_VISIT_DAYS,
  VISIT_SCOPE,
  VisitEntity,
  hydrate,
  recordVisitStatement,
  type AuditStamp,
} from '@unblock/database';
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
    const found = await this.prepared.query<ScopeRow>(VISIT_SCOPE, [enterpriseId, campaignId]);
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

  /** The visit's one statement (`recordVisitStatement`), on its prepared pool. */
  private insert(command: RecordVisitCommand, scope: CheckedScope): Promise<InsertedRow[]> {
    const { text, values } = recordVisitStatement(
      {
        campaignId: scope.campaign_id,
        enterpriseId: scope.enterprise_id,
        regionCode: scope.enterprise_region,
        visitedOn: command.visitedOn,
        kind: command.kind,
        visitorUserId: command.actor.userId,
        visitorOrganizationId: command.actor.organizationId,
        summary: command.summary ?? '',
        clientRef: command.clientRef ?? null,
        campaignRegion: scope.campaign_region,
        campaignKind: scope.campaign_kind,
        startsOn: scope.starts_on,
        endsOn: scope.ends_on,
      },
      command.audit,
    );
    return this.prepared.query<InsertedRow>(text, values);
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
      .andWhere(`v.visitedOn BETWEEN (CAST(:on AS date) - ${RECENT_VISIT_DAYS}) AND CAST(:on AS date)`, {
        on: visit.visitedOn,
      })
      .getExists();
    const warnings: VisitWarning[] = recent ? ['recent_visit'] : [];
    return { ...toVisitResponse(visit), warnings };
  }
}
