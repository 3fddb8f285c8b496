import type { OrganizationEntity } from '@unblock/database';
import type { OrganizationKind } from '@unblock/domain';

export class OrganizationResponse {
  id!: string;
  kind!: OrganizationKind;
  name!: string;
  regionCode!: string;
  /** Whether notifications for it also go to a webhook (the URL and secret are never shown). */
  webhookConfigured!: boolean;
  createdAt!: string;
}

export function toOrganizationResponse(organization: OrganizationEntity): OrganizationResponse {
  return {
    id: organization.id,
    kind: organization.kind,
    name: organization.name,
    regionCode: organization.regionCode,
    webhookConfigured: organization.webhookUrl !== null,
    createdAt: organization.createdAt.toISOString(),
  };
}
