import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CampaignEntity,
  RegionEntity,
  SlaPolicyEntity,
  requireReferenced,
  type LaggardThresholds,
} from '@unblock/database';
import { DomainError, type CampaignKind, type ScreeningMode } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { CampaignResponse, toCampaignResponse } from './campaign.response';

export interface UpdateCampaignCommand {
  readonly id: string;
  readonly name?: string | undefined;
  readonly kind?: CampaignKind | undefined;
  readonly regionCode?: string | undefined;
  readonly startsOn?: string | undefined;
  readonly endsOn?: string | undefined;
  /** null: the default SLA policy applies. */
  readonly slaPolicyId?: string | null | undefined;
  /** null removes a target. */
  readonly targetVisits?: number | null | undefined;
  readonly targetNeeds?: number | null | undefined;
  readonly targetSignedAmount?: string | null | undefined;
  /** Applies to the needs recorded after the change: those already submitted wait for their screening. */
  readonly screening?: ScreeningMode | undefined;
  /** Replaces the thresholds whole. */
  readonly laggardThresholds?: LaggardThresholds | undefined;
}

/**
 * Changes a campaign. Its cases keep the deadlines they were given; obligations opened afterwards follow
 * the policy it names from now on.
 */
@Injectable()
export class UpdateCampaignUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: UpdateCampaignCommand): Promise<CampaignResponse> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await manager.findOne(CampaignEntity, {
        where: { id: command.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!campaign) throw DomainError.notFound('campaign');
      const startsOn = command.startsOn ?? campaign.startsOn;
      const endsOn = command.endsOn ?? campaign.endsOn;
      if (endsOn < startsOn) {
        throw DomainError.invalid(command.endsOn !== undefined ? 'endsOn' : 'startsOn', 'must not be after the end');
      }
      if (command.regionCode !== undefined) {
        await requireReferenced(manager, RegionEntity, { code: command.regionCode }, 'regionCode', 'region');
      }
      if (command.slaPolicyId !== undefined && command.slaPolicyId !== null) {
        await requireReferenced(manager, SlaPolicyEntity, { id: command.slaPolicyId }, 'slaPolicyId', 'SLA policy');
      }
      campaign.name = command.name ?? campaign.name;
      campaign.kind = command.kind ?? campaign.kind;
      campaign.regionCode = command.regionCode ?? campaign.regionCode;
      campaign.startsOn = startsOn;
      campaign.endsOn = endsOn;
      if (command.slaPolicyId !== undefined) campaign.slaPolicyId = command.slaPolicyId;
      if (command.targetVisits !== undefined) campaign.targetVisits = command.targetVisits;
      if (command.targetNeeds !== undefined) campaign.targetNeeds = command.targetNeeds;
      if (command.targetSignedAmount !== undefined) campaign.targetSignedAmount = command.targetSignedAmount;
      campaign.screening = command.screening ?? campaign.screening;
      if (command.laggardThresholds !== undefined) {
        const { claimsOnTime, creditedRate } = command.laggardThresholds;
        campaign.laggardThresholds = {
          ...(claimsOnTime === undefined ? {} : { claimsOnTime }),
          ...(creditedRate === undefined ? {} : { creditedRate }),
        };
      }
      return toCampaignResponse(await manager.save(campaign));
    });
  }
}
