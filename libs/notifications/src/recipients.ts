import { CasePoolMemberEntity, UserEntity, type CaseEntity } from '@unblock/database';
import { isWithinRegion } from '@unblock/domain';
import { In, type EntityManager } from 'typeorm';

/**
 * Who holds a case now: the supervisors of its region while it waits for screening; its claimer; else its
 * bank's managers; else the managers of its pool.
 */
export async function holdersOf(manager: EntityManager, c: CaseEntity): Promise<string[]> {
  if (c.status === 'submitted' || c.status === 'repairing') return supervisorsOf(manager, c.regionCode);
  if (c.claimedByUserId !== null) return [c.claimedByUserId];
  const organizations =
    c.assignedBankId !== null
      ? [c.assignedBankId]
      : (await manager.find(CasePoolMemberEntity, { where: { caseId: c.id } })).map((p) => p.organizationId);
  if (organizations.length === 0) return [];
  const users = await manager.find(UserEntity, {
    where: { organizationId: In(organizations), role: 'bank_manager', active: true },
    select: ['id'],
  });
  return users.map((u) => u.id);
}

/** Who is reminded of a repair task: the active partner officers of its organization. */
export async function repairersOf(manager: EntityManager, obligationId: string): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT u.id FROM repair_tasks rt JOIN users u ON u.organization_id = rt.organization_id
      WHERE rt.obligation_id = $1 AND u.role = 'partner_officer' AND u.active`,
    [obligationId],
  );
  return rows.map((r) => r.id);
}

/** The supervisors whose region covers the case's. */
export async function supervisorsOf(manager: EntityManager, regionCode: string): Promise<string[]> {
  return (await supervisorsByRegion(manager, [regionCode])).get(regionCode) ?? [];
}

/** `supervisorsOf` for many regions, with one read of the supervisors. */
export async function supervisorsByRegion(
  manager: EntityManager,
  regionCodes: Iterable<string>,
): Promise<Map<string, string[]>> {
  const supervisors = await manager.find(UserEntity, {
    where: { role: 'supervisor', active: true },
    select: ['id', 'regionCode'],
  });
  const byRegion = new Map<string, string[]>();
  for (const regionCode of regionCodes) {
    if (byRegion.has(regionCode)) continue;
    const covering = supervisors.filter((s) => s.regionCode !== null && isWithinRegion(regionCode, s.regionCode));
    byRegion.set(
      regionCode,
      covering.map((s) => s.id),
    );
  }
  return byRegion;
}
