import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CampaignEntity, RegionEntity, SlaPolicyEntity, requireReferenced } from '@unblock/database';
import { DomainError, type CampaignKind, type ScreeningMode } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { CampaignResponse, toCampaignResponse } from './campaign.response';

export interface CreateCampaignCommand {
  readonly name: string;
  readonly kind: CampaignKind;
  readonly regionCode: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly slaPolicyId?: string | undefined;
  readonly targetVisits?: number | undefined;
  readonly targetNeeds?: number | undefined;
  readonly targetSignedAmount?: string | undefined;
  readonly screening?: ScreeningMode | undefined;
}

@Injectable()
export class CreateCampaignUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(command: CreateCampaignCommand): Promise<CampaignResponse> {
    if (command.endsOn < command.startsOn) throw DomainError.invalid('endsOn', 'must not be before startsOn');
    return this.dataSource.transaction(async (manager) => {
      await requireReferenced(manager, RegionEntity, { code: command.regionCode }, 'regionCode', 'region');
      if (command.slaPolicyId !== undefined) {
        await requireReferenced(manager, SlaPolicyEntity, { id: command.slaPolicyId }, 'slaPolicyId', 'SLA policy');
      }
      const campaign = await manager.save(
        manager.create(CampaignEntity, {
          ...command,
          slaPolicyId: command.slaPolicyId ?? null,
          targetVisits: command.targetVisits ?? null,
          targetNeeds: command.targetNeeds ?? null,
          targetSignedAmount: command.targetSignedAmount ?? null,
          screening: command.screening ?? 'none',
        }),
      );
      return toCampaignResponse(campaign);
    });
  }
}
