import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CampaignEntity, EnterpriseEntity, VisitEntity, inTransaction } from '@unblock/database';
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
import { RecordedVisitResponse, toVisitResponse, type VisitWarning } from './visit.response';

export interface RecordVisitCommand {
  readonly actor: Actor;
  readonly campaignId: string;
  readonly enterpriseId: string;
  readonly visitedOn: string;
  readonly kind: VisitKind;
  readonly summary?: string | undefined;
  readonly clientRef?: string | undefined;
}

export interface RecordVisitResult {
  readonly visit: RecordedVisitResponse;
  /** True when `clientRef` matched an earlier visit of the same visitor, which is answered unchanged. */
  readonly replayed: boolean;
}

const RECENT_DAYS = 14;

/**
 * A field officer (or, in a GM-visits campaign, a bank manager) records a visit. `clientRef` makes a retry
 * safe: the same visitor's same reference answers the first visit and writes nothing.
 */
@Injectable()
export class RecordVisitUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordVisitCommand): Promise<RecordVisitResult> {
    return inTransaction(this.dataSource, async (manager) => {
      if (command.clientRef !== undefined) {
        const earlier = await this.byClientRef(manager, command.actor.userId, command.clientRef);
        if (earlier) return { visit: await this.withWarnings(manager, earlier), replayed: true };
      }
      const enterprise = await manager.findOneBy(EnterpriseEntity, { id: command.enterpriseId });
      if (!enterprise || !canReadRegion(command.actor, enterprise.regionCode)) {
        throw DomainError.invalid('enterpriseId', 'no enterprise in your region has this id');
      }
      const campaign = await manager.findOneBy(CampaignEntity, { id: command.campaignId });
      if (
        !campaign ||
        !(
          isWithinRegion(enterprise.regionCode, campaign.regionCode) ||
          isWithinRegion(campaign.regionCode, enterprise.regionCode)
        )
      ) {
        throw DomainError.invalid('campaignId', 'no campaign covering this enterprise has this id');
      }
      if (command.actor.role === 'bank_manager' && campaign.kind !== 'gm_visits') {
        throw new DomainError('forbidden', 'a bank manager records visits of a gm_visits campaign only');
      }
      if (command.visitedOn < campaign.startsOn || command.visitedOn > campaign.endsOn) {
        throw DomainError.invalid(
          'visitedOn',
          `must fall within the campaign (${campaign.startsOn} to ${campaign.endsOn})`,
        );
      }
      if (command.visitedOn > localDate(this.clock.now(), WEEKENDS_ONLY)) {
        throw DomainError.invalid('visitedOn', 'must not be in the future');
      }
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(VisitEntity)
        .values({
          campaignId: campaign.id,
          enterpriseId: enterprise.id,
          regionCode: enterprise.regionCode,
          visitedOn: command.visitedOn,
          kind: command.kind,
          visitorUserId: command.actor.userId,
          visitorOrganizationId: command.actor.organizationId,
          summary: command.summary ?? '',
          clientRef: command.clientRef ?? null,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (id === undefined) {
        // A concurrent retry with the same clientRef committed first.
        const earlier = await this.byClientRef(manager, command.actor.userId, command.clientRef ?? '');
        if (!earlier)
          throw DomainError.conflict('a concurrent visit with this clientRef is being recorded', 'clientRef');
        return { visit: await this.withWarnings(manager, earlier), replayed: true };
      }
      const visit = await manager.findOneByOrFail(VisitEntity, { id });
      return { visit: await this.withWarnings(manager, visit), replayed: false };
    });
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
