import { OrganizationEntity, requireReferenced } from '@unblock/database';
import { DomainError } from '@unblock/domain';
import { In, type EntityManager } from 'typeorm';

/** The organization `id`, which must be a bank (a chain's lead or deputy lead bank); else a 400 naming `field`. */
export async function requireBank(manager: EntityManager, id: string, field: string): Promise<OrganizationEntity> {
  const organization = await requireReferenced(manager, OrganizationEntity, { id }, field, 'organization');
  if (organization.kind !== 'bank') throw DomainError.invalid(field, 'must be a bank');
  return organization;
}

/** The lead bank and its deputy are two banks. */
export function requireTwoBanks(leadBankId: string, deputyBankId: string, field: 'leadBankId' | 'deputyBankId'): void {
  if (leadBankId === deputyBankId) {
    throw DomainError.invalid(
      field,
      field === 'deputyBankId'
        ? 'must be another bank than the lead bank'
        : 'must be another bank than the deputy lead bank',
    );
  }
}

/** The member institutions (the N) with these ids; a 400 naming `memberOrgIds` when one does not exist. */
export async function requireMembers(manager: EntityManager, ids: readonly string[]): Promise<OrganizationEntity[]> {
  const memberIds = [...new Set(ids)];
  const members = memberIds.length > 0 ? await manager.findBy(OrganizationEntity, { id: In(memberIds) }) : [];
  const missing = memberIds.filter((id) => !members.some((m) => m.id === id));
  if (missing.length > 0) throw DomainError.invalid('memberOrgIds', `no organization has the id ${missing.join(', ')}`);
  return members;
}
