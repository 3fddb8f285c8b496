import type { OrganizationKind } from './reference';

export const ROLES = ['admin', 'field_officer', 'bank_manager', 'supervisor', 'partner_officer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles of the campaign's own staff: every role but partner officers (of a government department or a
 * guarantee institution), who reach only the repair tasks of their organization and those tasks' cases.
 * A route that names no roles is for these.
 */
export const STAFF_ROLES = ['admin', 'field_officer', 'bank_manager', 'supervisor'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Which kinds of organization a user of each role may belong to. */
export const ROLE_ORGANIZATION_KINDS: Record<Role, readonly OrganizationKind[]> = {
  admin: ['regulator', 'bank', 'institution'],
  field_officer: ['regulator', 'bank', 'institution'],
  // Banks' managers, and the people of member institutions (securities, insurance) who claim from pools.
  bank_manager: ['bank', 'institution'],
  supervisor: ['regulator'],
  partner_officer: ['government_department', 'guarantee_institution'],
};
