import type { CampaignEntity } from '@unblock/database';
import type { CampaignKind, ScreeningMode } from '@unblock/domain';

export class CampaignResponse {
  id!: string;
  name!: string;
  kind!: CampaignKind;
  regionCode!: string;
  /** ISO date. */
  startsOn!: string;
  /** ISO date. */
  endsOn!: string;
  /** Null: the default SLA policy applies. */
  slaPolicyId!: string | null;
  /** `required`: new needs wait for screening before they reach the banks. */
  screening!: ScreeningMode;
  createdAt!: string;
}

export function toCampaignResponse(campaign: CampaignEntity): CampaignResponse {
  return {
    id: campaign.id,
    name: campaign.name,
    kind: campaign.kind,
    regionCode: campaign.regionCode,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    slaPolicyId: campaign.slaPolicyId,
    screening: campaign.screening,
    createdAt: campaign.createdAt.toISOString(),
  };
}
