import type { OrganizationKind } from './reference';

export const ROLES = ['admin', 'field_officer', 'bank_manager', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** Which kinds of organization a user of each role may belong to. */
export const ROLE_ORGANIZATION_KINDS: Record<Role, readonly OrganizationKind[]> = {
  admin: ['regulator', 'bank', 'institution'],
  field_officer: ['regulator', 'bank', 'institution'],
  // Banks' managers, and the people of member institutions (securities, insurance) who claim from pools.
  bank_manager: ['bank', 'institution'],
  supervisor: ['regulator'],
};
