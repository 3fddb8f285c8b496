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
  /** Visits the campaign aims at; null: no target. */
  targetVisits!: number | null;
  /** Needs it aims to collect; null: no target. */
  targetNeeds!: number | null;
  /** The signed amount it aims at, yuan as a decimal string; null: no target. */
  targetSignedAmount!: string | null;
  /** `required`: new needs wait for screening before they reach the banks. */
  screening!: ScreeningMode;
  /** The shares (0–1) under which the daily bulletin names a region or bank as lagging. */
  laggardThresholds!: LaggardThresholdsResponse;
  createdAt!: string;
}

export class LaggardThresholdsResponse {
  claimsOnTime?: string;
  creditedRate?: string;
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
    targetVisits: campaign.targetVisits ?? null,
    targetNeeds: campaign.targetNeeds ?? null,
    targetSignedAmount: campaign.targetSignedAmount ?? null,
    screening: campaign.screening,
    laggardThresholds: { ...(campaign.laggardThresholds ?? {}) },
    createdAt: campaign.createdAt.toISOString(),
  };
}
