import { OrganizationEntity, RegionEntity, requireReferenced } from '@unblock/database';
import { DomainError, ROLE_ORGANIZATION_KINDS, type Role } from '@unblock/domain';
import type { EntityManager } from 'typeorm';

/** Where a user of a role belongs: an organization and a region, each optional only for an admin. */
export interface UserScope {
  readonly role: Role;
  readonly organizationId: string | null;
  readonly regionCode: string | null;
}

/**
 * The rules of a user's role and scope, for a new user and a changed one alike: every role but admin
 * belongs to an organization of a kind the role allows and to a region; the ones named must exist.
 */
export async function checkUserScope(manager: EntityManager, scope: UserScope): Promise<void> {
  if (scope.role !== 'admin' || scope.organizationId !== null) {
    if (scope.organizationId === null) throw DomainError.invalid('organizationId', 'is required');
    const organization = await requireReferenced(
      manager,
      OrganizationEntity,
      { id: scope.organizationId },
      'organizationId',
      'organization',
    );
    if (!ROLE_ORGANIZATION_KINDS[scope.role].includes(organization.kind)) {
      throw DomainError.invalid('role', `a ${scope.role} cannot belong to a ${organization.kind} organization`);
    }
  }
  if (scope.role !== 'admin' || scope.regionCode !== null) {
    if (scope.regionCode === null) throw DomainError.invalid('regionCode', 'is required');
    await requireReferenced(manager, RegionEntity, { code: scope.regionCode }, 'regionCode', 'region');
  }
}
