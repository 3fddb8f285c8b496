import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CampaignEntity, SlaPolicyEntity, requireReferenced } from '@unblock/database';
import { DomainError, type ScreeningMode } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { CampaignResponse, toCampaignResponse } from './campaign.response';

export interface UpdateCampaignCommand {
  readonly id: string;
  readonly name?: string | undefined;
  readonly startsOn?: string | undefined;
  readonly endsOn?: string | undefined;
  readonly slaPolicyId?: string | undefined;
  readonly screening?: ScreeningMode | undefined;
}

/**
 * Renames a campaign, moves its dates, names its SLA policy, or turns its screening on or off. A change of
 * screening applies to the needs recorded after it: those already submitted wait for their screening.
 */
@Injectable()
export class UpdateCampaignUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute(command: UpdateCampaignCommand): Promise<CampaignResponse> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await manager.findOne(CampaignEntity, {
        where: { id: command.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!campaign) throw DomainError.notFound('campaign');
      if (command.slaPolicyId !== undefined) {
        await requireReferenced(manager, SlaPolicyEntity, { id: command.slaPolicyId }, 'slaPolicyId', 'SLA policy');
        campaign.slaPolicyId = command.slaPolicyId;
      }
      campaign.name = command.name ?? campaign.name;
      campaign.startsOn = command.startsOn ?? campaign.startsOn;
      campaign.endsOn = command.endsOn ?? campaign.endsOn;
      campaign.screening = command.screening ?? campaign.screening;
      if (campaign.endsOn < campaign.startsOn) throw DomainError.invalid('endsOn', 'must not be before startsOn');
      return toCampaignResponse(await manager.save(campaign));
    });
  }
}
