import type { CaseEntity, CaseEventEntity, CaseObligationEntity, LoanContractEntity } from '@unblock/database';
import { RepairTaskResponse } from '../repairs/repair.response';
import type {
  Bottleneck,
  CaseKind,
  CasePriority,
  CaseSource,
  CaseStatus,
  ChainRole,
  EnterpriseSize,
  EnterpriseTag,
  EscalationLevel,
  LoanRenewal,
  LoanSecurity,
  PolicyInstrument,
  EscalationStatus,
  Obligation,
  Purpose,
  RoutingTier,
  Term,
  VisitKind,
} from '@unblock/domain';

export class CaseResponse {
  id!: string;
  /** Human number, e.g. C-2026-000123. */
  number!: string;
  enterpriseId!: string;
  campaignId!: string;
  /** `need`, or `renewal` (续贷) of a loan contract. */
  kind!: CaseKind;
  /** The contract a renewal renews; null for a need. */
  renewalOfContractId!: string | null;
  /** What a renewal asks for: `renewal`, or `renewal_without_repayment` (无还本续贷); null for a need. */
  requestedRenewal!: Exclude<LoanRenewal, 'none'> | null;
  /** Where the need came from: a visit, a phone call, a list (申报清单), or the enterprise's own page. */
  source!: CaseSource;
  /** The visit the need was found on; null for a need from another channel. */
  originVisitId!: string | null;
  regionCode!: string;
  chainId!: string | null;
  /** Yuan, a decimal string. */
  requestedAmount!: string;
  purpose!: Purpose;
  term!: Term;
  bottlenecks!: Bottleneck[];
  priority!: CasePriority;
  status!: CaseStatus;
  /** 1 lead bank, 2 deputy lead bank, 3 pool. */
  routingTier!: RoutingTier | null;
  /** Null while the case waits in a pool. */
  assignedBankId!: string | null;
  claimedByUserId!: string | null;
  /** The nearest open deadline. */
  dueAt!: string | null;
  intentionAmount!: string | null;
  signedAmount!: string;
  escalationLevel!: number;
  /** Set while the bank waits on the enterprise; every clock stands still. */
  pausedAt!: string | null;
  resolution!: string | null;
  /** Send it back as `expectedVersion` to act only on the case as you saw it. */
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

/** How many cases of one status. */
export class CaseStatusCountResponse {
  status!: CaseStatus;
  count!: number;
}

/** How many cases a list's filters hold, in all and by status. */
export class CaseCountsResponse {
  total!: number;
  /** Every status in lifecycle order, with 0 for those that hold none. */
  byStatus!: CaseStatusCountResponse[];
}

export class CaseEventResponse {
  seq!: number;
  type!: string;
  actorUserId!: string | null;
  /** The name of the person who acted; null for the system (the router, the clock). */
  actorName!: string | null;
  /** The name of that person's organization. */
  actorOrganizationName!: string | null;
  at!: string;
  data!: Record<string, unknown>;
}

export class CaseObligationResponse {
  obligation!: Obligation;
  openedAt!: string;
  dueAt!: string;
  metAt!: string | null;
  cancelledAt!: string | null;
}

export class LoanContractResponse {
  id!: string;
  bankId!: string;
  amount!: string;
  annualRatePct!: string;
  termMonths!: number;
  signedOn!: string;
  contractNo!: string;
  /** When the loan falls due; null on contracts recorded before it was asked. */
  maturesOn!: string | null;
  /** The bank's word: the enterprise's first loan from any bank (首贷). */
  firstLoanDeclared!: boolean;
  /**
   * A first loan as the reports count it: declared so, and no contract of the enterprise that Unblock knows
   * was signed on an earlier day.
   */
  firstLoan!: boolean;
  /** Null on contracts recorded before it was asked. */
  security!: LoanSecurity | null;
  guaranteeInstitutionId!: string | null;
  guaranteeInstitutionName!: string | null;
  /** The guarantee fee rate in percent a year. */
  guaranteeFeeRatePct!: string | null;
  renewal!: LoanRenewal;
  policyInstruments!: PolicyInstrument[];
  /** The renewal (续贷) applied for on this contract, if any (a closed one does not count). */
  renewalCase!: CaseRefResponse | null;
}

/** A case by id, number and status. */
export class CaseRefResponse {
  id!: string;
  number!: string;
  status!: CaseStatus;
}

/** The contract a renewal case renews, and the case it was signed on. */
export class RenewedContractResponse {
  id!: string;
  contractNo!: string;
  /** Yuan, a decimal string. */
  amount!: string;
  signedOn!: string;
  maturesOn!: string | null;
  bankName!: string;
  caseId!: string;
  caseNumber!: string;
}

/** An organization by id and name. */
export class NamedOrganizationResponse {
  id!: string;
  name!: string;
}

/** The enterprise of a case as its bank reads it: profile and contact (personal data, for those who work it). */
export class CaseEnterpriseResponse {
  id!: string;
  name!: string;
  /** Unified social credit code. */
  uscc!: string;
  regionCode!: string;
  regionName!: string;
  size!: EnterpriseSize;
  chainId!: string | null;
  chainName!: string | null;
  chainRole!: ChainRole | null;
  tags!: EnterpriseTag[];
  /** The contact person and phone: personal data, shown to those who work the case. */
  contactName!: string | null;
  contactPhone!: string | null;
}

/** The visit a case was diagnosed on, and who made it. */
export class CaseVisitResponse {
  id!: string;
  visitedOn!: string;
  kind!: VisitKind;
  summary!: string;
  visitorName!: string;
  visitorOrganizationName!: string | null;
}

/** An escalation of the case: an obligation overdue on the supervisors' queue. */
export class CaseEscalationResponse {
  id!: string;
  obligation!: Obligation;
  level!: EscalationLevel;
  status!: EscalationStatus;
  /** The deadline that was missed. */
  dueAt!: string;
  openedAt!: string;
  acknowledgedAt!: string | null;
  resolvedAt!: string | null;
}

export class CaseDetailResponse extends CaseResponse {
  /** The organizations that may claim it while it waits in a pool. */
  pool!: string[];
  /** The pool's member institutions by name (tier 3), sorted by name. */
  poolMembers!: NamedOrganizationResponse[];
  /** The name of the bank the case is at (tier 1 lead bank, tier 2 deputy lead bank); null in the pool. */
  assignedBankName!: string | null;
  enterprise!: CaseEnterpriseResponse;
  /** The visit it was diagnosed on; null for a need from another channel. */
  visit!: CaseVisitResponse | null;
  /** The field officer's note when diagnosing. */
  diagnosisNote!: string | null;
  escalations!: CaseEscalationResponse[];
  timeline!: CaseEventResponse[];
  obligations!: CaseObligationResponse[];
  loans!: LoanContractResponse[];
  /** The repair tasks of its second diagnosis, if it had one. */
  repairs!: RepairTaskResponse[];
  /** The decline reasons its timeline and repairs name, from the catalogue: their names and repair paths. */
  declineReasons!: CaseDeclineReasonResponse[];
  /** A renewal's contract; null for a need. */
  renewalOf!: RenewedContractResponse | null;
}

/** A decline reason as the case page names it. */
export class CaseDeclineReasonResponse {
  code!: string;
  name!: string;
  repairable!: boolean;
  repairPath!: string | null;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** numeric(18,2) as Postgres prints it, always with two decimals. */
function money(value: string): string {
  const [whole, fraction = ''] = value.split('.');
  return `${whole ?? '0'}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

export function toCaseResponse(c: CaseEntity): CaseResponse {
  return {
    id: c.id,
    number: c.number,
    enterpriseId: c.enterpriseId,
    campaignId: c.campaignId,
    kind: c.kind,
    renewalOfContractId: c.renewalOfContractId,
    requestedRenewal: c.requestedRenewal,
    source: c.source,
    originVisitId: c.originVisitId,
    regionCode: c.regionCode,
    chainId: c.chainId,
    requestedAmount: money(c.requestedAmount),
    purpose: c.purpose,
    term: c.term,
    bottlenecks: c.bottlenecks,
    priority: c.priority,
    status: c.status,
    routingTier: c.routingTier,
    assignedBankId: c.assignedBankId,
    claimedByUserId: c.claimedByUserId,
    dueAt: iso(c.dueAt),
    intentionAmount: c.intentionAmount === null ? null : money(c.intentionAmount),
    signedAmount: money(c.signedAmount),
    escalationLevel: c.escalationLevel,
    pausedAt: iso(c.pausedAt),
    resolution: c.resolution,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toCaseDetailResponse(
  c: CaseEntity,
  parts: {
    pool: NamedOrganizationResponse[];
    events: CaseEventEntity[];
    obligations: CaseObligationEntity[];
    loans: LoanContractEntity[];
    /** Names of the people and organizations the case refers to, by id. */
    people: ReadonlyMap<string, { name: string; organizationName: string | null }>;
    organizationNames: ReadonlyMap<string, string>;
    enterprise: CaseEnterpriseResponse;
    visit: CaseVisitResponse | null;
    escalations: CaseEscalationResponse[];
    renewalOf: RenewedContractResponse | null;
    /** The renewal case of each of its contracts that has one, by contract id. */
    renewalCases: ReadonlyMap<string, CaseRefResponse>;
  },
): CaseDetailResponse {
  const diagnosed = parts.events.find((e) => e.type === 'diagnosed');
  const note = diagnosed?.data['note'];
  return {
    ...toCaseResponse(c),
    pool: parts.pool.map((o) => o.id).sort(),
    poolMembers: parts.pool,
    assignedBankName: c.assignedBankId === null ? null : (parts.organizationNames.get(c.assignedBankId) ?? null),
    enterprise: parts.enterprise,
    visit: parts.visit,
    diagnosisNote: typeof note === 'string' && note !== '' ? note : null,
    escalations: parts.escalations,
    renewalOf: parts.renewalOf,
    // The case's reader adds its repairs and the reasons they name.
    repairs: [],
    declineReasons: [],
    timeline: parts.events.map((e) => ({
      seq: Number(e.seq),
      type: e.type,
      actorUserId: e.actorUserId,
      actorName: e.actorUserId === null ? null : (parts.people.get(e.actorUserId)?.name ?? null),
      actorOrganizationName:
        e.actorUserId === null ? null : (parts.people.get(e.actorUserId)?.organizationName ?? null),
      at: e.at.toISOString(),
      data: e.data,
    })),
    obligations: parts.obligations.map((o) => ({
      obligation: o.obligation,
      openedAt: o.openedAt.toISOString(),
      dueAt: o.dueAt.toISOString(),
      metAt: iso(o.metAt),
      cancelledAt: iso(o.cancelledAt),
    })),
    loans: parts.loans.map((l) => ({
      id: l.id,
      bankId: l.bankId,
      amount: money(l.amount),
      annualRatePct: l.annualRatePct,
      termMonths: l.termMonths,
      signedOn: l.signedOn,
      contractNo: l.contractNo,
      maturesOn: l.maturesOn,
      firstLoanDeclared: l.firstLoanDeclared,
      firstLoan: l.firstLoan,
      security: l.security,
      guaranteeInstitutionId: l.guaranteeInstitutionId,
      guaranteeInstitutionName:
        l.guaranteeInstitutionId === null ? null : (parts.organizationNames.get(l.guaranteeInstitutionId) ?? null),
      guaranteeFeeRatePct: l.guaranteeFeeRatePct,
      renewal: l.renewal,
      policyInstruments: [...l.policyInstruments].sort(),
      renewalCase: parts.renewalCases.get(l.id) ?? null,
    })),
  };
}
