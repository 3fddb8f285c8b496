import type { OrganizationEntity } from '@unblock/database';
import type { OrganizationKind } from '@unblock/domain';

export class OrganizationResponse {
  id!: string;
  kind!: OrganizationKind;
  name!: string;
  regionCode!: string;
  createdAt!: string;
}

export function toOrganizationResponse(organization: OrganizationEntity): OrganizationResponse {
  return {
    id: organization.id,
    kind: organization.kind,
    name: organization.name,
    regionCode: organization.regionCode,
    createdAt: organization.createdAt.toISOString(),
  };
}
