import {
  CaseEventEntity,
  CaseObligationEntity,
  CasePoolMemberEntity,
  EnterpriseEntity,
  EscalationEntity,
  LoanContractEntity,
  OrganizationEntity,
  RENEWAL_CASES_OF_CONTRACTS,
  RENEWED_CONTRACT,
  UserEntity,
  VisitEntity,
  type CaseEntity,
} from '@unblock/database';
import { In, type DataSource } from 'typeorm';
import {
  toCaseDetailResponse,
  type CaseDetailResponse,
  type CaseEnterpriseResponse,
  type CaseEscalationResponse,
  type CaseRefResponse,
  type NamedOrganizationResponse,
  type RenewedContractResponse,
} from './case.response';
import type { CaseStatus } from '@unblock/domain';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/**
 * Reads what the case page shows beside the case itself: its timeline, deadlines, pool, loans and
 * escalations, the enterprise's profile, the origin visit, and by name every person and organization they
 * refer to (one batched lookup of users and one of organizations, whatever the length of the timeline).
 */
export async function readCaseDetail(dataSource: DataSource, found: CaseEntity): Promise<CaseDetailResponse> {
  const id = found.id;
  const [events, obligations, pool, loans, escalations, enterprise, visit] = await Promise.all([
    dataSource.getRepository(CaseEventEntity).find({ where: { caseId: id }, order: { seq: 'ASC' } }),
    dataSource.getRepository(CaseObligationEntity).find({ where: { caseId: id }, order: { openedAt: 'ASC' } }),
    dataSource.getRepository(CasePoolMemberEntity).find({ where: { caseId: id } }),
    dataSource.getRepository(LoanContractEntity).find({ where: { caseId: id }, order: { createdAt: 'ASC' } }),
    dataSource
      .getRepository(EscalationEntity)
      .find({ where: { caseId: id }, order: { openedAt: 'ASC', level: 'ASC' } }),
    dataSource
      .getRepository(EnterpriseEntity)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.region', 'r')
      .leftJoinAndSelect('e.chain', 'ch')
      .where('e.id = :id', { id: found.enterpriseId })
      .getOneOrFail(),
    found.originVisitId === null
      ? Promise.resolve(null)
      : dataSource.getRepository(VisitEntity).findOneBy({ id: found.originVisitId }),
  ]);
  const [renewalOf, renewalCases] = await Promise.all([
    renewedContract(dataSource, found.renewalOfContractId),
    renewalCasesOf(
      dataSource,
      loans.map((l) => l.id),
    ),
  ]);
  const userIds = new Set<string>();
  for (const e of events) if (e.actorUserId !== null) userIds.add(e.actorUserId);
  if (visit) userIds.add(visit.visitorUserId);
  const orgIds = new Set<string>(pool.map((p) => p.organizationId));
  if (found.assignedBankId !== null) orgIds.add(found.assignedBankId);
  for (const l of loans) if (l.guaranteeInstitutionId !== null) orgIds.add(l.guaranteeInstitutionId);
  const [users, organizations] = await Promise.all([
    userIds.size === 0
      ? Promise.resolve([])
      : dataSource.getRepository(UserEntity).find({
          where: { id: In([...userIds]) },
          relations: { organization: true },
          select: { id: true, name: true, organization: { id: true, name: true } },
        }),
    orgIds.size === 0
      ? Promise.resolve([])
      : dataSource
          .getRepository(OrganizationEntity)
          .find({ where: { id: In([...orgIds]) }, select: { id: true, name: true } }),
  ]);
  const people = new Map(users.map((u) => [u.id, { name: u.name, organizationName: u.organization?.name ?? null }]));
  const organizationNames = new Map(organizations.map((o) => [o.id, o.name]));
  const poolMembers: NamedOrganizationResponse[] = pool
    .map((p) => ({ id: p.organizationId, name: organizationNames.get(p.organizationId) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const visitor = visit ? people.get(visit.visitorUserId) : undefined;
  return toCaseDetailResponse(found, {
    events,
    obligations,
    pool: poolMembers,
    loans,
    people,
    organizationNames,
    enterprise: enterpriseOf(enterprise),
    visit: visit
      ? {
          id: visit.id,
          visitedOn: visit.visitedOn,
          kind: visit.kind,
          summary: visit.summary,
          visitorName: visitor?.name ?? '',
          visitorOrganizationName: visitor?.organizationName ?? null,
        }
      : null,
    escalations: escalations.map(escalationOf),
    renewalOf,
    renewalCases,
  });
}

async function renewedContract(
  dataSource: DataSource,
  contractId: string | null,
): Promise<RenewedContractResponse | null> {
  if (contractId === null) return null;
  const [row] = await dataSource.query<
    {
      id: string;
      contract_no: string;
      amount: string;
      signed_on: string;
      matures_on: string | null;
      bank_name: string;
      case_id: string;
      case_number: string;
    }[]
  >(RENEWED_CONTRACT, [contractId]);
  if (row === undefined) return null;
  return {
    id: row.id,
    contractNo: row.contract_no,
    amount: row.amount,
    signedOn: row.signed_on,
    maturesOn: row.matures_on,
    bankName: row.bank_name,
    caseId: row.case_id,
    caseNumber: row.case_number,
  };
}

async function renewalCasesOf(
  dataSource: DataSource,
  contractIds: readonly string[],
): Promise<Map<string, CaseRefResponse>> {
  if (contractIds.length === 0) return new Map();
  const rows = await dataSource.query<{ contract_id: string; id: string; number: string; status: CaseStatus }[]>(
    RENEWAL_CASES_OF_CONTRACTS,
    [[...contractIds]],
  );
  return new Map(rows.map((r) => [r.contract_id, { id: r.id, number: r.number, status: r.status }]));
}

function enterpriseOf(e: EnterpriseEntity): CaseEnterpriseResponse {
  return {
    id: e.id,
    name: e.name,
    uscc: e.uscc,
    regionCode: e.regionCode,
    regionName: e.region?.name ?? e.regionCode,
    size: e.size,
    chainId: e.chainId,
    chainName: e.chain?.name ?? null,
    chainRole: e.chainRole,
    tags: e.tags,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
  };
}

function escalationOf(e: EscalationEntity): CaseEscalationResponse {
  return {
    id: e.id,
    obligation: e.obligation,
    level: e.level,
    status: e.status,
    dueAt: e.dueAt.toISOString(),
    openedAt: e.openedAt.toISOString(),
    acknowledgedAt: iso(e.acknowledgedAt),
    resolvedAt: iso(e.resolvedAt),
  };
}
